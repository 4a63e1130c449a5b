/** True only in the offline demo build (`DUET_DEMO=1`); see wxt.config.ts. */
declare const __DUET_DEMO__: boolean;
