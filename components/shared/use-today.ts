/** Today's date, kept current: a page left open past midnight shows the new day's cadence and due dates. */
import { useEffect, useState } from 'preact/hooks';
import { type Day, dayOf } from '@/lib/domain/days';

export function useToday(): Day {
  const [today, setToday] = useState(() => dayOf(Date.now()));
  useEffect(() => {
    const now = new Date();
    // A second past the next local midnight (a timer that fires late, after sleep, still lands after it).
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1).getTime();
    const timer = setTimeout(() => setToday(dayOf(Date.now())), next - now.getTime());
    return () => clearTimeout(timer);
  }, [today]);
  return today;
}
