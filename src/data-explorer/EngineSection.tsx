import { useState } from 'react';
import { Button, Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';
import { CircleAlert, CircleCheck, Loader2, Plug } from 'lucide-react';
import { checkServer, normalizeServerUrl, type ServerCheck } from '../engine/http-transport';
import { useEngineChoice } from '../queries/useEngineChoice';
import { useEngineHealth } from '../queries/useEngineHealth';

const problemTitle: Record<Exclude<ServerCheck, { ok: true }>['problem'], string> = {
  unreachable: 'Not reachable',
  'wrong-token': 'Wrong token',
  origin: 'Not allowed from this origin',
  other: 'The server refused',
};

type Outcome = { kind: 'checking' } | { kind: 'connected'; url: string } | { kind: 'failed'; title: string; message: string };

/**
 * Where the engine runs: in this browser (DuckDB-WASM) or on an engine server (`npm run serve`) at
 * a URL, with the token it printed. Connect checks the server first and says what failed; the
 * engine in use changes only once it answers. Shown whatever the state of the data, so that an
 * unreachable server can be left for the browser's engine.
 */
export function EngineSection() {
  const { choice, choose } = useEngineChoice();
  const health = useEngineHealth();
  const [mode, setMode] = useState<'browser' | 'server'>(choice.kind);
  const [url, setUrl] = useState(choice.kind === 'server' ? choice.url : 'http://127.0.0.1:7700');
  const [token, setToken] = useState(choice.kind === 'server' ? choice.token : '');
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  const serverUrl = normalizeServerUrl(url);
  const connect = async () => {
    if (mode === 'browser') {
      choose({ kind: 'browser' });
      setOutcome(undefined);
      return;
    }
    if (!serverUrl) return setOutcome({ kind: 'failed', title: 'Not a server address', message: 'Give an address such as http://127.0.0.1:7700.' });
    setOutcome({ kind: 'checking' });
    const checked = await checkServer({ url: serverUrl, token: token.trim() });
    if (!checked.ok) return setOutcome({ kind: 'failed', title: problemTitle[checked.problem], message: checked.message });
    choose({ kind: 'server', url: serverUrl, token: token.trim() });
    setOutcome({ kind: 'connected', url: serverUrl });
  };

  const inUse = choice.kind === 'server' ? `a server at ${choice.url}` : 'this browser';
  const unchanged = mode === 'browser' && choice.kind === 'browser';
  return (
    <section className="dx-engine" aria-labelledby="dx-engine-title">
      <h2 id="dx-engine-title" className="dx-subtitle">
        Engine
      </h2>
      <p className="dx-engine-now">
        Counts, previews and simulations run in <strong>{inUse}</strong>.
        {choice.kind === 'server' && health.state === 'restarting' && <span className="dx-engine-lost"> {health.reason}</span>}
      </p>
      <div className="dx-engine-form">
        <RadioGroup className="dx-radio-group" value={mode} onChange={(v) => setMode(v as 'browser' | 'server')} aria-label="Where the engine runs">
          <Radio value="browser" className="dx-radio">
            <span className="dx-radio-mark" aria-hidden />
            <span>
              In this browser <span className="dx-muted">— DuckDB in this tab, up to about a million profiles</span>
            </span>
          </Radio>
          <Radio value="server" className="dx-radio">
            <span className="dx-radio-mark" aria-hidden />
            <span>
              Server <span className="dx-muted">— an engine started with <code>npm run serve</code>, for larger data</span>
            </span>
          </Radio>
        </RadioGroup>
        {mode === 'server' && (
          <div className="dx-engine-server">
            <TextField className="dx-engine-field" value={url} onChange={setUrl} isInvalid={url.trim() !== '' && !serverUrl}>
              <Label className="dx-field-label">Server URL</Label>
              <Input className="dx-input" placeholder="http://127.0.0.1:7700" spellCheck={false} />
            </TextField>
            <TextField className="dx-engine-field" value={token} onChange={setToken} type="password">
              <Label className="dx-field-label">Token</Label>
              <Input className="dx-input" placeholder="printed by the server when it started" autoComplete="off" spellCheck={false} />
            </TextField>
          </div>
        )}
        {!unchanged && (
          <Button className="cc-button cc-button-primary dx-engine-connect" onPress={() => void connect()} isDisabled={outcome?.kind === 'checking'}>
            <Plug size={16} aria-hidden />
            {mode === 'server' ? 'Connect' : 'Use this browser'}
          </Button>
        )}
      </div>
      <div role="status" className="dx-engine-status">
        {outcome?.kind === 'checking' && (
          <p>
            <Loader2 size={14} aria-hidden className="cc-spinner" /> Checking the server…
          </p>
        )}
        {outcome?.kind === 'connected' && (
          <p className="dx-engine-ok">
            <CircleCheck size={14} aria-hidden /> Connected to the server at {outcome.url}.
          </p>
        )}
        {outcome?.kind === 'failed' && (
          <p className="dx-engine-failed">
            <CircleAlert size={14} aria-hidden /> <strong>{outcome.title}:</strong> {outcome.message}
          </p>
        )}
      </div>
    </section>
  );
}
