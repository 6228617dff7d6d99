import { Button } from 'react-aria-components';
import { ArrowRight } from 'lucide-react';
import { campaignTemplates, templateDoc, type CampaignTemplate } from '../../templates';
import { summarize } from '../campaign-summary';
import { ChannelIcons } from './ChannelIcons';

/** Cards of the starter templates; choosing one creates an editable copy. */
export function TemplateGallery({
  onUse,
  isDisabled,
  headingLevel = 2,
}: {
  onUse: (template: CampaignTemplate) => void;
  isDisabled?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const CardHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="cc-templates" aria-labelledby="cc-templates-heading">
      <Heading id="cc-templates-heading" className="cc-section-title">
        Start from a template
      </Heading>
      <ul className="cc-template-grid">
        {campaignTemplates.map((t) => {
          const doc = templateDoc(t);
          const summary = summarize(doc, '');
          return (
            <li key={t.id} className="cc-template-card">
              <CardHeading className="cc-template-title">{doc.name}</CardHeading>
              <p className="cc-template-tagline">{t.tagline}</p>
              <p className="cc-template-description">{doc.description}</p>
              <div className="cc-template-footer">
                <span className="cc-template-meta">
                  {summary.activityCount} activities
                  <ChannelIcons channels={summary.channels} />
                </span>
                <Button
                  className="cc-button cc-button-small"
                  onPress={() => onUse(t)}
                  isDisabled={isDisabled}
                  aria-label={`Use template ${doc.name}`}
                >
                  Use template <ArrowRight size={14} aria-hidden />
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
