import { Checkbox, CheckboxGroup, Label } from 'react-aria-components';
import { Check } from 'lucide-react';
import type { ActivityFormProps } from '../ui-registry';
import { SendingSettings } from '../channel-delivery/SendingSettings';
import { pushConfigSchema, pushPlatforms, type PushConfig, type PushPlatform } from './definition';
import { ChannelCommonFields } from '../../inspector/fields/ChannelCommonFields';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import { ContentField } from '../channel-content/ContentField';
import { RecordPreview } from '../channel-content/RecordPreview';
import { useTokenSources } from '../channel-content/useChannelContent';
import { renderTokens, tokenPaths } from '../channel-content/tokens';
import '../../inspector/fields/fields.css';
import '../channel-content/channel-content.css';

const platformLabels: Record<PushPlatform, string> = { ios: 'iOS', android: 'Android' };

/** Settings of Push notification: category, message name, title, text, deep link, platforms and the preview. */
export function PushForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = pushConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const sources = useTokenSources(activity.id, 'push');
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(pushConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<PushConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  const platformProblems = data.problemsAt('platforms');
  return (
    <div className="ff-form">
      <ChannelCommonFields config={config} onChange={update} onOutboundChange={(emitOutbound) => guard.apply({ ...config, emitOutbound }, 'Stop emitting the outbound transition')}>
        <ContentField label="Title" value={config.title} onChange={(title) => update({ title }, 'title')} sources={sources} help="Shown in bold on the notification; keep it short." problems={data.problemsAt('title')} />
        <ContentField label="Text" multiline value={config.body} onChange={(body) => update({ body }, 'body')} sources={sources} problems={data.problemsAt('body')} />
        <ContentField label="Deep link" value={config.deepLink} onChange={(deepLink) => update({ deepLink }, 'deepLink')} sources={sources} placeholder="northwind://offers/spring" help="Where a tap leads: a web address or an app link; the app's home screen when empty." problems={data.problemsAt('deepLink')} />
        <CheckboxGroup
          className="insp-field"
          value={config.platforms}
          onChange={(values) => update({ platforms: pushPlatforms.filter((p) => values.includes(p)) })}
          isInvalid={platformProblems.some((p) => p.severity === 'error')}
          aria-describedby={`${activity.id}-platforms-help`}
        >
          <Label className="insp-field__label">Platforms</Label>
          <div className="cc-checks">
            {pushPlatforms.map((p) => (
              <Checkbox key={p} value={p} className="cc-check">
                {({ isSelected }) => (
                  <>
                    <span className="cc-check__box" aria-hidden>
                      {isSelected && <Check size={12} strokeWidth={3} />}
                    </span>
                    {platformLabels[p]}
                  </>
                )}
              </Checkbox>
            ))}
          </div>
          <p id={`${activity.id}-platforms-help`} className="ff-hint">
            Devices the notification goes to.
          </p>
          <FieldMessages problems={platformProblems} />
        </CheckboxGroup>
        <RecordPreview activity={activity} paths={tokenPaths(config.title, config.body, config.deepLink)}>
          {(record) => (
            <div className="cc-notification" data-testid="push-preview">
              <strong>{renderTokens(config.title, record.valueOf)}</strong>
              <span>{renderTokens(config.body, record.valueOf)}</span>
              {config.deepLink.trim() !== '' && <span className="ff-hint">Opens {renderTokens(config.deepLink, record.valueOf)}</span>}
            </div>
          )}
        </RecordPreview>
      </ChannelCommonFields>
      <SendingSettings activity={activity} config={config} onChange={update} />
      {guard.dialog}
    </div>
  );
}
