import { useMemo, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { CampaignDoc } from '../domain/campaign';
import { Dialog } from '../ui/Dialog';
import { SelectField } from '../inspector/fields/SelectField';
import { useEngineClient } from '../queries/EngineClientContext';
import { recipientPreviewQuery } from '../queries/engine-queries';
import { useDataset } from '../queries/useDataset';
import { channelAudienceDoc } from '../activities/channel-content/channel-audience';
import { emailPreviewDocument } from '../activities/channel-content/EmailPreview';
import type { PlainRow } from '../engine/rows';
import type { NodeTestState } from '../domain/lifecycle/test-mode';
import {
  PROFILE_PATHS,
  inboxSnippet,
  messagePaths,
  renderTestMessage,
  seedDoc,
  testSendChannels,
  type TestMessage,
} from './test-sends';
import { TextField } from '../inspector/fields/TextField';
import { findEntity } from '../domain/data-model';
import type { RecordMatch } from '../engine/trace/trace-types';
import { X } from 'lucide-react';

/** A test profile: a record reaching a channel, with the messages the test run rendered for it. */
interface TestProfile {
  key: string;
  name: string;
  messages: {
    message: TestMessage;
    valueOf: (path: string) => string | number | boolean | null | undefined;
  }[];
}

/**
 * The test sends of a resumed test run: each channel's message rendered for the first few profiles
 * it reaches (the seed list), as each would receive it: an inbox for email (open a message to read
 * it), a phone with its bubbles for SMS and push. Nothing is sent and nothing reaches the reports.
 */
export function TestSendsDialog({
  doc,
  nodes,
  isOpen,
  onOpenChange,
}: {
  doc: CampaignDoc;
  nodes: Readonly<Record<string, NodeTestState>>;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [size, setSize] = useState(2);
  const [seeds, setSeeds] = useState<RecordMatch[]>([]);
  const client = useEngineClient();
  const dataset = useDataset().data;
  const version = dataset?.version ?? '';
  const dimension = doc.settings.defaultTargetDimension;
  const primaryKey = dataset ? findEntity(dataset.model, dimension)?.primaryKey : undefined;
  const channels = useMemo(
    () =>
      doc.activities.filter(
        (a) =>
          testSendChannels.includes(a.type) &&
          nodes[a.id]?.status === 'done' &&
          (nodes[a.id]?.recordsIn ?? 0) > 0,
      ),
    [doc, nodes],
  );
  const requests = useMemo(
    () =>
      channels.flatMap((activity) => {
        const transition = doc.transitions.find(
          (t) => t.target.activityId === activity.id && t.target.port === 'in',
        );
        const upstream = channelAudienceDoc(doc, transition?.id);
        if (!transition || !upstream) return [];
        const paths = [...new Set([...messagePaths(activity), ...PROFILE_PATHS])].sort();
        // Chosen test profiles get every message, in the audience or not; else the first ones reaching the channel.
        if (seeds.length > 0 && primaryKey)
          return seeds.map((seed) => ({
            activity,
            offset: 0,
            query: recipientPreviewQuery(
              client,
              version,
              seedDoc(dimension, primaryKey, seed.key),
              'seed',
              paths,
              0,
            ),
          }));
        return Array.from({ length: size }, (_, offset) => ({
          activity,
          offset,
          query: recipientPreviewQuery(client, version, upstream, transition.id, paths, offset),
        }));
      }),
    [channels, doc, size, client, version, seeds, dimension, primaryKey],
  );
  const results = useQueries({
    queries: requests.map((r) => ({ ...r.query, enabled: isOpen && version !== '' })),
  });
  const loading = results.some((r) => r.isPending);
  const failure = results.find((r) => r.error)?.error;
  const profiles = useMemo(() => {
    const byKey = new Map<string, TestProfile>();
    results.forEach((r, i) => {
      const request = requests[i];
      const data = r.data;
      if (!request || !data || data.offset !== request.offset) return; // past the channel's last record
      const row: PlainRow | undefined = data.rows[0];
      if (!row) return;
      const key = String(row.__key);
      const valueOf = (p: string) => row[p] as string | number | boolean | null | undefined;
      const profile = byKey.get(key) ?? { key, name: profileName(row), messages: [] };
      const message = renderTestMessage(request.activity, valueOf);
      if (message) profile.messages.push({ message, valueOf });
      byKey.set(key, profile);
    });
    return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  }, [results, requests]);

  return (
    <Dialog title="Test sends" isOpen={isOpen} onOpenChange={onOpenChange} size="large">
      <div className="ts-sends">
        <p className="ff-hint">
          Each message as the test profiles would receive it, with their own values: the first profiles
          reaching each channel, or the profiles you add. Nothing is sent and nothing reaches the reports.
        </p>
        <div className="ts-sends__seed">
          {seeds.length === 0 && (
            <div className="ts-sends__size">
              <SelectField
                label="Test profiles per channel"
                value={String(size)}
                options={[1, 2, 3, 5].map((n) => ({ value: String(n), label: String(n) }))}
                onChange={(v) => setSize(Number(v))}
              />
            </div>
          )}
          <SeedPicker doc={doc} seeds={seeds} onChange={setSeeds} />
        </div>
        {channels.length === 0 && (
          <p className="ff-hint">No email, SMS or push channel received records in this test run.</p>
        )}
        {loading && <p role="status">Rendering the messages…</p>}
        {failure && (
          <p className="ff-message ff-message--warning">
            Could not read the test profiles: {failure.message}
          </p>
        )}
        <div className="ts-profiles">
          {profiles.map((p) => (
            <ProfileDevices key={p.key} profile={p} />
          ))}
        </div>
      </div>
    </Dialog>
  );
}

/** The seed list: test profiles found by key, email or name, which then replace the first profiles of each channel. */
function SeedPicker({
  doc,
  seeds,
  onChange,
}: {
  doc: CampaignDoc;
  seeds: RecordMatch[];
  onChange: (seeds: RecordMatch[]) => void;
}) {
  const client = useEngineClient();
  const [text, setText] = useState('');
  const [found, setFound] = useState<RecordMatch[] | null>(null);
  const [busy, setBusy] = useState(false);
  const find = () => {
    if (text.trim() === '') return;
    setBusy(true);
    client
      .searchRecords(doc, text.trim(), { limit: 5 })
      .then(setFound, () => setFound([]))
      .finally(() => setBusy(false));
  };
  return (
    <div className="ts-seeds">
      <form
        className="ff-row ts-seeds__search"
        role="search"
        aria-label="Find a test profile"
        onSubmit={(e) => {
          e.preventDefault();
          find();
        }}
      >
        <TextField label="Test profile (key, email or name)" value={text} onChange={setText} />
        <button type="submit" className="cc-button" disabled={busy}>
          Find
        </button>
      </form>
      {found && found.length === 0 && <p className="ff-hint">No profile found.</p>}
      {found && found.length > 0 && (
        <ul className="ts-seeds__found" aria-label="Profiles found">
          {found.map((m) => (
            <li key={m.key}>
              <button
                type="button"
                className="cc-button"
                disabled={seeds.some((s) => s.key === m.key)}
                onClick={() => {
                  onChange([...seeds, m]);
                  setFound(null);
                }}
              >
                Add {m.label} (key {m.key})
              </button>
            </li>
          ))}
        </ul>
      )}
      {seeds.length > 0 && (
        <ul className="ts-seeds__chosen" aria-label="Test profiles">
          {seeds.map((m) => (
            <li key={m.key} className="ts-seeds__chip">
              {m.label} (key {m.key})
              <button
                type="button"
                className="ff-icon-button"
                aria-label={`Remove ${m.label}`}
                onClick={() => onChange(seeds.filter((s) => s.key !== m.key))}
              >
                <X size={13} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function profileName(row: PlainRow): string {
  const name = [row.first_name, row.last_name]
    .filter((v) => v !== null && v !== undefined && v !== '')
    .join(' ');
  const contact = row.email ?? row.phone;
  return (
    [name, contact].filter((v) => v !== null && v !== undefined && v !== '').join(' · ') ||
    `Profile ${String(row.__key)}`
  );
}

/** One test profile's inbox and phone. */
function ProfileDevices({ profile }: { profile: TestProfile }) {
  const emails = profile.messages.filter((m) => m.message.channel === 'email');
  const phone = profile.messages.filter((m) => m.message.channel !== 'email');
  const title = `${profile.name} (key ${profile.key})`;
  return (
    <section className="ts-profile" aria-label={`Test profile ${title}`}>
      <h3 className="ts-profile__title">{title}</h3>
      <div className="ts-profile__devices">
        {emails.length > 0 && <Inbox owner={title} messages={emails} />}
        {phone.length > 0 && <Phone owner={title} messages={phone} />}
      </div>
    </section>
  );
}

function Inbox({ owner, messages }: { owner: string; messages: TestProfile['messages'] }) {
  const [open, setOpen] = useState<number | null>(null);
  const opened = open === null ? undefined : messages[open];
  return (
    <section className="ts-inbox" aria-label={`Inbox of ${owner}`}>
      <h4 className="ts-device__title">Inbox</h4>
      <ul className="ts-inbox__list" aria-label="Messages">
        {messages.map(({ message, valueOf }, i) =>
          message.channel === 'email' ? (
            <li key={message.activityId}>
              <button
                type="button"
                className={`ts-inbox__item${open === i ? ' ts-inbox__item--open' : ''}`}
                aria-pressed={open === i}
                onClick={() => setOpen(open === i ? null : i)}
              >
                <span className="ts-inbox__sender">{message.sender}</span>
                <span className="ts-inbox__subject">{message.subject || '(no subject)'}</span>
                <span className="ts-inbox__snippet">
                  {inboxSnippet(message.body, message.preheader, valueOf)}
                </span>
              </button>
            </li>
          ) : null,
        )}
      </ul>
      {opened?.message.channel === 'email' && (
        <article className="ts-inbox__reader" aria-label={`Email: ${opened.message.subject}`}>
          <dl className="cc-envelope">
            <dt>From</dt>
            <dd>{opened.message.sender}</dd>
            <dt>Subject</dt>
            <dd>{opened.message.subject}</dd>
          </dl>
          {/* sandbox="" allows nothing: no script, no form, no navigation, as in the channel's preview. */}
          <iframe
            className="cc-email-frame"
            title={`Body of ${opened.message.subject}`}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={emailPreviewDocument(opened.message.body, opened.valueOf)}
          />
        </article>
      )}
    </section>
  );
}

function Phone({ owner, messages }: { owner: string; messages: TestProfile['messages'] }) {
  return (
    <section className="ts-phone" aria-label={`Phone of ${owner}`}>
      <div className="ts-phone__notch" aria-hidden />
      <ol className="ts-phone__screen" aria-label="Messages">
        {messages.map(({ message }) =>
          message.channel === 'sms' ? (
            <li
              key={message.activityId}
              className="ts-bubble"
              aria-label={`SMS from ${message.sender || message.activityLabel}`}
            >
              <span className="ts-bubble__from">{message.sender || message.activityLabel}</span>
              <span className="ts-bubble__text">{message.text}</span>
            </li>
          ) : message.channel === 'push' ? (
            <li
              key={message.activityId}
              className="ts-push"
              aria-label={`Push notification: ${message.title}`}
            >
              <span className="ts-push__app">{message.activityLabel}</span>
              <strong className="ts-push__title">{message.title}</strong>
              <span className="ts-push__text">{message.text}</span>
            </li>
          ) : null,
        )}
      </ol>
    </section>
  );
}
