/** True only in the offline demo build (`DUET_DEMO=1`); see wxt.config.ts. */
declare const __DUET_DEMO__: boolean;
/** True only in the benchmark build (`DUET_BENCH=1`); see wxt.config.ts. */
declare const __DUET_BENCH__: boolean;
/** True only under Vitest: test data kept in source modules (the selectors' fixture counts); see vitest.config.ts. */
declare const __DUET_TESTS__: boolean;
