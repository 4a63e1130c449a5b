import { exposeBenchApi } from '@/lib/bench/bench-api';

exposeBenchApi(window);
