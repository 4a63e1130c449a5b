/** Today's date, kept current: a page left open past midnight shows the new day's cadence and due dates. */
import { useEffect, useState } from 'preact/hooks';
import { type Day, dayOf } from '@/lib/domain/days';

export function useToday(): Day {
  const [today, setToday] = useState(() => dayOf(Date.now()));
  /** Each timer that fired: the next is set even when the day did not change (the clock was moved). */
  const [fired, setFired] = useState(0);
  useEffect(() => {
    const now = new Date();
    // A second past the next local midnight (a timer that fires late, after sleep, still lands after it).
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1).getTime();
    const timer = setTimeout(() => {
      setToday(dayOf(Date.now()));
      setFired((count) => count + 1);
    }, next - now.getTime());
    return () => clearTimeout(timer);
  }, [fired]);
  return today;
}
