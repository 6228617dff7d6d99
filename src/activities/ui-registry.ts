import type { ComponentType } from 'react';
import type { Activity } from '../domain/campaign';
import { BuildAudienceForm } from './build-audience/BuildAudienceForm';
import { SplitForm } from './split/SplitForm';
import { CombineForm } from './combine/CombineForm';
import { DeduplicationForm } from './deduplication/DeduplicationForm';
import { EnrichmentForm } from './enrichment/EnrichmentForm';
import { ForkForm } from './fork/ForkForm';
import { WaitForm } from './wait/WaitForm';
import { EndForm } from './end/EndForm';
import { TestForm } from './test/TestForm';
import { AlertForm } from './alert/AlertForm';
import { EmailForm } from './email/EmailForm';
import { SmsForm } from './sms/SmsForm';
import { PushForm } from './push/PushForm';
import { DirectMailForm } from './direct-mail/DirectMailForm';
import { SaveAudienceForm } from './save-audience/SaveAudienceForm';
import { ChangeDimensionForm } from './change-dimension/ChangeDimensionForm';
import { AndJoinForm } from './and-join/AndJoinForm';
import { ReconciliationForm } from './reconciliation/ReconciliationForm';
import { LoadFileForm } from './load-file/LoadFileForm';
import { IncrementalQueryForm } from './incremental-query/IncrementalQueryForm';

/** Props every activity settings form receives from the inspector. */
export interface ActivityFormProps {
  activity: Activity;
  /**
   * Replaces the activity's config; one call is one undo step. Calls that pass the same `group`
   * one after another (keystrokes in one text field, e.g. `'subject'`) make a single step.
   */
  onConfigChange: (config: Record<string, unknown>, group?: string) => void;
}

/**
 * The settings form of each activity type, rendered by the inspector under the label. A type that
 * is not listed shows only its label and summary. Forms sit in their activity's folder and are
 * registered here, so that the definitions (and everything that compiles campaigns) stay free of React.
 */
export const activityForms: Partial<Record<string, ComponentType<ActivityFormProps>>> = {
  'build-audience': BuildAudienceForm,
  split: SplitForm,
  combine: CombineForm,
  deduplication: DeduplicationForm,
  enrichment: EnrichmentForm,
  fork: ForkForm,
  wait: WaitForm,
  end: EndForm,
  test: TestForm,
  alert: AlertForm,
  email: EmailForm,
  sms: SmsForm,
  push: PushForm,
  'direct-mail': DirectMailForm,
  'save-audience': SaveAudienceForm,
  'change-dimension': ChangeDimensionForm,
  'and-join': AndJoinForm,
  reconciliation: ReconciliationForm,
  'load-file': LoadFileForm,
  'incremental-query': IncrementalQueryForm,
};
