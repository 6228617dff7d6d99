import type { LucideIcon } from 'lucide-react';
import {
  Bell,
  CircleStop,
  Clock,
  CopyMinus,
  FileUp,
  FlaskConical,
  GitFork,
  GitMerge,
  History,
  Link,
  Mail,
  Mailbox,
  Merge,
  MessageSquare,
  Save,
  Shuffle,
  Siren,
  Split,
  TableProperties,
  Users,
} from 'lucide-react';
import type { IconName } from '../activities/define-activity';

/** The lucide icon drawn for each icon name an activity definition may use. */
export const activityIcons = {
  users: Users,
  merge: Merge,
  'copy-minus': CopyMinus,
  'table-plus': TableProperties,
  split: Split,
  save: Save,
  shuffle: Shuffle,
  'git-fork': GitFork,
  'git-merge': GitMerge,
  clock: Clock,
  'circle-stop': CircleStop,
  mail: Mail,
  'message-square': MessageSquare,
  bell: Bell,
  mailbox: Mailbox,
  'file-up': FileUp,
  link: Link,
  history: History,
  flask: FlaskConical,
  siren: Siren,
} satisfies Record<IconName, LucideIcon>;

/** The icon of an activity definition, with a neutral fallback for unknown types. */
export function iconFor(name: IconName | undefined): LucideIcon {
  return name ? activityIcons[name] : CircleStop;
}
