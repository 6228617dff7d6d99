import { Button, Menu, MenuItem, MenuTrigger, Popover, Text } from 'react-aria-components';
import { Bookmark, Folder, ListTree, MailCheck, Plus, TextCursorInput } from 'lucide-react';
import { collectionChoices } from '../domain/rule-paths';
import { useModeler } from './modeler-context';
import { newCondition, type NewConditionKind } from './new-conditions';
import { addCondition } from './tree-edits';
import { groupDepthBlock, useGroupLevel } from './group-level';

/** The "Add condition" menu at the foot of a group. */
export function AddConditionMenu({ groupId, entity, nested }: { groupId: string; entity: string; nested?: boolean }) {
  const { model, edit, earlierChannels, savedFilters } = useModeler();
  const hasCollections = collectionChoices(model, entity).length > 0;
  const filters = savedFilters.filter((f) => f.entity === entity);
  // At the deepest level a group (or related records, whose sub-conditions are one) cannot be added.
  const tooDeep = groupDepthBlock(useGroupLevel());
  const add = (kind: NewConditionKind) =>
    edit((rule) => addCondition(rule, groupId, newCondition(kind, model, entity, { ...(earlierChannels[0] ? { channelId: earlierChannels[0].id } : {}), ...(filters[0] ? { filterId: filters[0].id } : {}) })));
  return (
    <MenuTrigger>
      <Button className="qm-add">
        <Plus size={14} aria-hidden /> {nested ? 'Add a condition here' : 'Add condition'}
      </Button>
      <Popover className="qm-popover qm-popover--menu" placement="bottom start">
        <Menu className="qm-menu" onAction={(key) => add(key as NewConditionKind)} aria-label="Add" disabledKeys={tooDeep ? ['group', 'collection'] : []}>
          <MenuItem id="attribute" className="qm-menu__item" textValue="A field">
            <TextCursorInput size={15} aria-hidden />
            <span className="qm-menu__text">
              <Text slot="label">A field</Text>
              <Text slot="description" className="qm-menu__hint">Country is France, created in the last 30 days…</Text>
            </span>
          </MenuItem>
          {hasCollections && (
            <MenuItem id="collection" className="qm-menu__item" textValue="Related records" {...(tooDeep ? { title: tooDeep } : {})}>
              <ListTree size={15} aria-hidden />
              <span className="qm-menu__text">
                <Text slot="label">Related records</Text>
                <Text slot="description" className="qm-menu__hint">{tooDeep ?? 'Has a purchase…, total amount at least…'}</Text>
              </span>
            </MenuItem>
          )}
          <MenuItem id="group" className="qm-menu__item" textValue="A group" {...(tooDeep ? { title: tooDeep } : {})}>
            <Folder size={15} aria-hidden />
            <span className="qm-menu__text">
              <Text slot="label">A group</Text>
              <Text slot="description" className="qm-menu__hint">{tooDeep ?? 'Conditions combined with any / all / except'}</Text>
            </span>
          </MenuItem>
          {!nested && (
            <MenuItem id="delivery" className="qm-menu__item" textValue="Message results">
              <MailCheck size={15} aria-hidden />
              <span className="qm-menu__text">
                <Text slot="label">Message results</Text>
                <Text slot="description" className="qm-menu__hint">{earlierChannels.length > 0 ? 'Opened or clicked an earlier message' : 'No message is sent before this activity yet'}</Text>
              </span>
            </MenuItem>
          )}
          {filters.length > 0 && (
            <MenuItem id="saved-filter" className="qm-menu__item" textValue="A saved filter">
              <Bookmark size={15} aria-hidden />
              <span className="qm-menu__text">
                <Text slot="label">A saved filter</Text>
                <Text slot="description" className="qm-menu__hint">Kept in step with the saved filter</Text>
              </span>
            </MenuItem>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
