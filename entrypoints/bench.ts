/**
 * The benchmark page's script (bench builds only; `bench.html` is generated in wxt.config.ts). An unlisted
 * script is bundled on its own, so the extension pages' shared chunks stay as in a release build.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { exposeBenchApi } from '@/lib/bench/bench-api';

export default defineUnlistedScript(() => exposeBenchApi(window));
