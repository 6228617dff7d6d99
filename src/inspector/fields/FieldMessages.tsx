import { CircleAlert, CircleX } from 'lucide-react';
import type { Problem } from '../../domain/problems';

/** Problems shown inline under the control they concern (by their config path). */
export function FieldMessages({ problems, id }: { problems: readonly Pick<Problem, 'severity' | 'message'>[]; id?: string }) {
  if (problems.length === 0) return null;
  return (
    <div id={id} className="ff-messages">
      {problems.map((p, i) => {
        const Icon = p.severity === 'error' ? CircleX : CircleAlert;
        return (
          <p key={i} className={`ff-message ff-message--${p.severity === 'error' ? 'error' : 'warning'}`} role={p.severity === 'error' ? 'alert' : undefined}>
            <Icon size={13} aria-hidden />
            <span>{p.message}</span>
          </p>
        );
      })}
    </div>
  );
}
