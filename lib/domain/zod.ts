/**
 * zod for the whole app, configured before any schema is built: `jitless`, so zod never probes for or
 * compiles code with the Function constructor. Extension pages forbid eval by CSP anyway; this keeps them
 * from even trying (a blocked attempt files a CSP violation). Import `z` from here, never from 'zod'
 * (a lint rule enforces it); content scripts use `zod/mini` schemas only, which never compile code.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
