import type { ComponentType } from 'react';
import type { Activity } from '../domain/campaign';
import { BuildAudienceForm } from './build-audience/BuildAudienceForm';
import { SplitForm } from './split/SplitForm';
import { CombineForm } from './combine/CombineForm';
import { DeduplicationForm } from './deduplication/DeduplicationForm';

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
};
