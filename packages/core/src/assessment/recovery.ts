import { addDays } from '../declaration/calendar.js';
import type { Finding } from './findings.js';

/** A new finding and the city day of the declaration that first reported it. */
export interface Episode {
  finding: Finding;
  day: string;
}

/** One declaration of a person's record: its city day and the findings that were new in it. */
export interface RecordDay {
  day: string;
  newFindings: readonly Finding[];
}

/**
 * Turns a person's declarations, oldest first, into episodes and decides which
 * are still active on `today`.
 *
 * An episode starts on the day a declaration reports a finding whose key no
 * earlier declaration reported. It ends once the person has declared on each
 * of N consecutive days after that day (N = the finding's quarantine days)
 * and none of the declarations on those days reported new risk. So the
 * earliest green day is day + N, and a missed day restarts the count.
 */
export function activeEpisodes(record: readonly RecordDay[], today: string): Episode[] {
  const declared = new Set(record.map((r) => r.day));
  const risky = new Set(record.filter((r) => r.newFindings.length > 0).map((r) => r.day));
  const clean = (day: string): boolean => declared.has(day) && !risky.has(day);
  const releasedBy = (episode: Episode): boolean => {
    let run = 0;
    for (let day = addDays(episode.day, 1); day <= today; day = addDays(day, 1)) {
      run = clean(day) ? run + 1 : 0;
      if (run >= episode.finding.quarantineDays) return true;
    }
    return false;
  };
  const episodes = record.flatMap((r) => r.newFindings.map((finding) => ({ finding, day: r.day })));
  return episodes.filter((e) => !releasedBy(e));
}
