/**
 * Which inbound set or branch is primary when none is chosen (or the chosen one is gone): the
 * first one, as the compiler takes it. Combine and And-join say it in these same words, which are
 * those of docs/activities.md.
 */
export function PrimaryNote({
  what,
  name,
  chosen,
}: {
  what: 'set' | 'branch';
  name: string | undefined;
  chosen: boolean;
}) {
  if (chosen || name === undefined) return null;
  return (
    <p className="ff-note" role="status">
      No primary {what} chosen: “{name}”, the first {what === 'set' ? 'set taking part' : 'branch'}, is
      primary.
    </p>
  );
}
