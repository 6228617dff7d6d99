import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover, Text } from 'react-aria-components';
import { Braces } from 'lucide-react';
import type { TokenSource } from './token-sources';
import './channel-content.css';

/**
 * "Insert a token" beside a content field: every field of the records' dimension, field one link
 * away, inbound column (and platform token) the channel may use, grouped as the data names them.
 */
export function TokenMenu({ fieldLabel, sources, onInsert }: { fieldLabel: string; sources: readonly TokenSource[]; onInsert: (path: string) => void }) {
  const groups = [...new Set(sources.map((s) => s.group))];
  return (
    <MenuTrigger>
      <Button className="cc-token-button" aria-label={`Insert a token in ${fieldLabel}`} isDisabled={sources.length === 0}>
        <Braces size={13} aria-hidden /> Insert token
      </Button>
      <Popover className="cc-popover" placement="bottom end">
        <Menu className="cc-menu" aria-label={`Tokens for ${fieldLabel}`} onAction={(key) => onInsert(String(key))}>
          {groups.map((group) => (
            <MenuSection key={group} className="cc-menu__section">
              <Header className="cc-menu__header">{group}</Header>
              {sources
                .filter((s) => s.group === group)
                .map((s) => (
                  <MenuItem key={s.path} id={s.path} className="cc-menu__item" textValue={s.label}>
                    <Text slot="label">{s.label}</Text>
                    <Text slot="description" className="cc-menu__path">{`{{${s.path}}}`}</Text>
                  </MenuItem>
                ))}
            </MenuSection>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
