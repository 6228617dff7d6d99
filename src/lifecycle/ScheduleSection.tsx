import './lifecycle.css';
import { useMemo } from 'react';
import { CalendarClock } from 'lucide-react';
import { SelectField } from '../inspector/fields/SelectField';
import { TextField } from '../inspector/fields/TextField';
import { ChoiceField } from '../inspector/fields/ChoiceField';
import { useEditorStore, useEditorStoreApi } from '../store/useEditorStore';
import { nextLaunches } from '../domain/schedule/launches';
import { readSchedule, simulatedPresent } from '../domain/schedule/problems';
import { scheduleKindLabels, weekdays, type ScheduleKind, type Weekday } from '../domain/schedule/schedule';
import { formatLaunch, timeZoneNames } from './schedule-format';

type Raw = Record<string, unknown>;
const record = (v: unknown): Raw =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {};
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const dayLabels: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};
const PREVIEW = 10;

/**
 * The campaign's schedule in the inspector when nothing is selected (docs/lifecycle.md#schedule):
 * its kind and times, time zone and validity period, and a preview of the next launches from the
 * simulated present. Values are kept as typed: a wrong one is told at its field (and in the
 * problems panel) and the preview waits until the schedule is possible.
 */
export function ScheduleSection() {
  const store = useEditorStoreApi();
  const doc = useEditorStore((s) => s.doc);
  const referenceDate = useEditorStore((s) => s.dataModel?.referenceDate);
  const raw = doc.settings.schedule === undefined ? undefined : record(doc.settings.schedule);
  const kind = (typeof raw?.kind === 'string' ? raw.kind : 'none') as ScheduleKind | 'none';
  const now = simulatedPresent(doc, referenceDate);
  const { schedule, problems } = useMemo(() => readSchedule(raw, now), [raw, now]);
  const launches = useMemo(
    () => (schedule && problems.length === 0 ? nextLaunches(schedule, now, PREVIEW) : []),
    [schedule, problems, now],
  );
  const zones = useMemo(() => timeZoneNames(), []);
  const at = (field: string) =>
    problems
      .filter((p) => p.field === field || p.field.startsWith(`${field}.`))
      .map((p) => ({
        severity: 'error' as const,
        message: `${p.message.charAt(0).toUpperCase()}${p.message.slice(1)}.`,
      }));

  const write = (next: Raw | undefined) => store.getState().setSchedule(next);
  const set = (key: string, value: unknown) => {
    const next = { ...raw };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    write(next);
  };
  const setKind = (k: string) => {
    if (k === 'none') return write(undefined);
    const base: Raw = {
      kind: k,
      timeZone:
        typeof raw?.timeZone === 'string'
          ? raw.timeZone
          : (Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC'),
      ...(typeof raw?.validFrom === 'string' ? { validFrom: raw.validFrom } : {}),
      ...(typeof raw?.validUntil === 'string' ? { validUntil: raw.validUntil } : {}),
    };
    const time = typeof raw?.time === 'string' ? raw.time : '09:00';
    if (k === 'once') base.at = referenceDate ? `${referenceDate} 09:00` : '';
    if (k === 'daily' || k === 'weekly' || k === 'monthly') base.time = time;
    if (k === 'intraday') base.times = ['09:00', '18:00'];
    if (k === 'weekly') base.days = ['mon'];
    if (k === 'monthly') base.dayOfMonth = 1;
    write(base);
  };
  // A number typed is stored as one; anything else is kept as typed so that its field says why.
  const numberOrText = (t: string) => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : t.trim());
  const every = record(raw?.every);
  const intradayMode = raw?.every !== undefined ? 'every' : 'times';

  return (
    <section className="lc-schedule" aria-labelledby="schedule-title">
      <h3 className="insp-subtitle" id="schedule-title">
        Schedule
      </h3>
      <SelectField
        label="Launches"
        value={kind}
        onChange={setKind}
        options={[
          { value: 'none', label: 'On demand (no schedule)' },
          ...Object.entries(scheduleKindLabels).map(([value, label]) => ({ value, label })),
        ]}
        help={
          kind === 'none'
            ? 'The campaign runs when you run it. Choose a schedule to launch it by itself once published.'
            : undefined
        }
        problems={at('kind')}
      />
      {raw && kind === 'once' && (
        <TextField
          label="Date and time"
          value={text(raw.at)}
          commit="blur"
          placeholder="YYYY-MM-DD HH:MM"
          onChange={(t) => set('at', t.trim())}
          problems={at('at')}
        />
      )}
      {raw && (kind === 'daily' || kind === 'weekly' || kind === 'monthly') && (
        <TextField
          label="Time"
          value={text(raw.time)}
          commit="blur"
          placeholder="HH:MM"
          help="24-hour clock, in the time zone below."
          onChange={(t) => set('time', t.trim())}
          problems={at('time')}
        />
      )}
      {raw && kind === 'weekly' && (
        <fieldset className="lc-days">
          <legend>Days of the week</legend>
          {weekdays.map((d) => {
            const days = Array.isArray(raw.days) ? (raw.days as string[]) : [];
            return (
              <label key={d} className="lc-day">
                <input
                  type="checkbox"
                  checked={days.includes(d)}
                  onChange={(e) =>
                    set(
                      'days',
                      e.target.checked
                        ? weekdays.filter((w) => w === d || days.includes(w))
                        : days.filter((x) => x !== d),
                    )
                  }
                />
                {dayLabels[d]}
              </label>
            );
          })}
          {at('days').map((p) => (
            <p key={p.message} className="lc-problem" role="alert">
              {p.message}
            </p>
          ))}
        </fieldset>
      )}
      {raw && kind === 'monthly' && (
        <>
          <TextField
            label="Day of the month"
            value={text(raw.dayOfMonth)}
            commit="blur"
            placeholder="1–31"
            onChange={(t) => set('dayOfMonth', numberOrText(t))}
            problems={at('dayOfMonth')}
          />
          {typeof raw.dayOfMonth === 'number' && raw.dayOfMonth > 28 && (
            <ChoiceField
              label="Months without that day"
              value={(raw.shortMonths as 'skip' | 'last-day' | undefined) ?? ('' as 'skip')}
              onChange={(v) => set('shortMonths', v)}
              choices={[
                { value: 'skip', label: 'Skip them' },
                { value: 'last-day', label: 'Launch on their last day' },
              ]}
            />
          )}
          {at('shortMonths').map((p) => (
            <p key={p.message} className="lc-problem" role="alert">
              {p.message}
            </p>
          ))}
        </>
      )}
      {raw && kind === 'intraday' && (
        <>
          <ChoiceField
            label="Launch"
            segmented
            value={intradayMode}
            onChange={(mode) => {
              const { times: _t, every: _e, ...rest } = raw;
              write(
                mode === 'every'
                  ? { ...rest, every: { value: 2, unit: 'hours', from: '08:00', to: '20:00' } }
                  : { ...rest, times: ['09:00', '18:00'] },
              );
            }}
            choices={[
              { value: 'times', label: 'At these times' },
              { value: 'every', label: 'Every…' },
            ]}
          />
          {intradayMode === 'times' ? (
            <TextField
              label="Times of day"
              value={Array.isArray(raw.times) ? (raw.times as unknown[]).map(text).join(', ') : ''}
              commit="blur"
              placeholder="09:00, 13:00, 18:00"
              help="Separated by commas, at least 15 minutes apart."
              onChange={(t) =>
                set(
                  'times',
                  t
                    .split(',')
                    .map((x) => x.trim())
                    .filter(Boolean),
                )
              }
              problems={at('times')}
            />
          ) : (
            <div className="lc-every">
              <TextField
                label="Every"
                value={text(every.value)}
                commit="blur"
                onChange={(t) => set('every', { ...every, value: numberOrText(t) })}
                problems={at('every.value')}
              />
              <SelectField
                label="Unit"
                value={text(every.unit)}
                onChange={(u) => set('every', { ...every, unit: u })}
                options={[
                  { value: 'minutes', label: 'minutes' },
                  { value: 'hours', label: 'hours' },
                ]}
              />
              <TextField
                label="From"
                value={text(every.from)}
                commit="blur"
                placeholder="HH:MM"
                onChange={(t) => set('every', { ...every, from: t.trim() })}
                problems={at('every.from')}
              />
              <TextField
                label="To"
                value={text(every.to)}
                commit="blur"
                placeholder="HH:MM"
                onChange={(t) => set('every', { ...every, to: t.trim() })}
                problems={at('every.to')}
              />
            </div>
          )}
        </>
      )}
      {raw && (
        <>
          <SelectField
            label="Time zone"
            value={text(raw.timeZone)}
            onChange={(z) => set('timeZone', z)}
            options={zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
            problems={at('timeZone')}
          />
          <TextField
            label="Valid from"
            value={text(raw.validFrom)}
            commit="blur"
            placeholder="Now"
            help="Empty: from the simulated present (the launch in the campaign settings above)."
            onChange={(t) => set('validFrom', t.trim())}
            problems={at('validFrom')}
          />
          <TextField
            label="Valid until"
            value={text(raw.validUntil)}
            commit="blur"
            placeholder="No end"
            help="Empty: no end. Both ends are local times in the zone above."
            onChange={(t) => set('validUntil', t.trim())}
            problems={at('validUntil')}
          />
          <div className="lc-preview" role="region" aria-label="Next launches">
            <h4 className="lc-preview__title">
              <CalendarClock size={14} aria-hidden />
              Next launches
            </h4>
            {problems.length > 0 ? (
              <p className="insp-muted">Correct the schedule to see its launches.</p>
            ) : launches.length === 0 ? (
              <p className="insp-muted">No launch left in the period.</p>
            ) : (
              <ol className="lc-preview__list">
                {launches.map((l) => (
                  <li key={l.at}>{formatLaunch(l.at, text(raw.timeZone))}</li>
                ))}
              </ol>
            )}
            {Number.isFinite(now) && launches.length > 0 && (
              <p className="lc-preview__from">From the simulated present, {formatLaunch(now, 'UTC')}.</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
