import { CircleAlert, CircleCheck, LoaderCircle } from 'lucide-react';
import { useCounts } from './counts-store';
import type { CountsPhase } from './count-types';
import './counts.css';

const text: Record<CountsPhase, string> = {
  'loading-data': 'Loading data…',
  computing: 'Computing counts…',
  restarting: 'Engine stopped, restarting…',
  reconnecting: 'Server not answering, retrying…',
  'up-to-date': 'Counts up to date',
  failed: 'Counts unavailable',
  idle: 'No activities yet',
};

/**
 * One line on the canvas saying where counts stand: loading the data, computing, up to date, or
 * why they are unavailable. A polite live region, so the change to "up to date" is announced.
 */
export function CountsStatus() {
  const phase = useCounts((s) => s.phase);
  const failure = useCounts((s) => s.failure);
  const busy = phase === 'loading-data' || phase === 'computing' || phase === 'restarting' || phase === 'reconnecting';
  const Icon = phase === 'failed' ? CircleAlert : busy ? LoaderCircle : CircleCheck;
  return (
    <div className={`cv-counts-status cv-counts-status--${phase}`} role="status" aria-label="Counts status" aria-live="polite" data-phase={phase}>
      <Icon size={13} aria-hidden className={busy ? 'cv-counts-status__spin' : undefined} />
      <span title={phase === 'reconnecting' && failure ? failure : text[phase]}>{text[phase]}</span>
      {phase === 'reconnecting' && failure && (
        // Which server and when the next attempt is: read out, and shown on hover; the line stays short.
        <span className="sr-only">
          : {failure}
        </span>
      )}
      {phase === 'failed' && failure && (
        <span className="cv-counts-status__detail" title={failure}>
          : {failure}
        </span>
      )}
    </div>
  );
}
