import { describe, expect, it } from 'vitest';
import { checkConnection } from '../connection-rules';
import { activity, campaign, transition } from './fixtures';

const ref = (activityId: string, port: string) => ({ activityId, port });

describe('checkConnection', () => {
  const base = () =>
    campaign(
      [
        activity('aud', 'build-audience'),
        activity('aud2', 'build-audience'),
        activity('wait', 'wait'),
        activity('mail', 'email'),
        activity('comb', 'combine'),
        activity('join', 'and-join'),
        activity('fork', 'fork'),
      ],
      [transition('t1', 'aud', 'wait')],
    );

  it('accepts a transition from an audience to a channel', () => {
    expect(checkConnection(base(), ref('wait', 'out'), ref('mail', 'in'))).toEqual({ ok: true });
  });

  it('refuses a self-loop', () => {
    const r = checkConnection(base(), ref('wait', 'out'), ref('wait', 'in'));
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('itself') });
  });

  it('refuses a cycle', () => {
    const doc = base();
    doc.transitions.push(transition('t2', 'wait', 'fork'));
    const r = checkConnection(doc, ref('fork', 'branch-1'), ref('wait', 'in'));
    expect(r.ok).toBe(false);
    // wait already has an input, so a cycle check needs an input that accepts many: use Combine.
    doc.transitions.push(transition('t3', 'fork', 'comb', 'branch-1'));
    doc.transitions.push(transition('t4', 'comb', 'join'));
    doc.transitions.push(transition('t5', 'join', 'mail'));
    const loop = checkConnection(doc, ref('mail', 'out'), ref('comb', 'in'));
    expect(loop).toEqual({ ok: false, reason: expect.stringContaining('loop') });
  });

  it('refuses a second transition on an output port that allows one', () => {
    const r = checkConnection(base(), ref('aud', 'out'), ref('mail', 'in'));
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('Fork') });
  });

  it('refuses a second inbound transition except on Combine and And-join', () => {
    const doc = base();
    expect(checkConnection(doc, ref('aud2', 'out'), ref('wait', 'in'))).toEqual({
      ok: false,
      reason: expect.stringContaining('Combine'),
    });
    doc.transitions.push(transition('t2', 'wait', 'comb'));
    expect(checkConnection(doc, ref('aud2', 'out'), ref('comb', 'in'))).toEqual({ ok: true });
    doc.transitions.push(transition('t3', 'fork', 'join', 'branch-1'));
    expect(checkConnection(doc, ref('aud2', 'out'), ref('join', 'in'))).toEqual({ ok: true });
  });

  it('refuses the same transition twice', () => {
    const doc = base();
    doc.transitions.push(transition('t2', 'aud2', 'comb'));
    expect(checkConnection(doc, ref('aud2', 'out'), ref('comb', 'in')).ok).toBe(false);
  });

  it('refuses a channel without an audience upstream', () => {
    const doc = base();
    const r = checkConnection(doc, ref('fork', 'branch-1'), ref('mail', 'in'));
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('needs an audience') });
  });

  it('refuses ports that do not exist', () => {
    expect(checkConnection(base(), ref('aud', 'nope'), ref('mail', 'in')).ok).toBe(false);
    expect(checkConnection(base(), ref('wait', 'out'), ref('aud', 'in')).ok).toBe(false);
    expect(checkConnection(base(), ref('ghost', 'out'), ref('mail', 'in')).ok).toBe(false);
  });

  it('allows a fork to feed several activities, one per branch', () => {
    const doc = base();
    doc.transitions.push(transition('t2', 'wait', 'fork'));
    expect(checkConnection(doc, ref('fork', 'branch-1'), ref('mail', 'in'))).toEqual({ ok: true });
    doc.transitions.push(transition('t3', 'fork', 'mail', 'branch-1'));
    expect(checkConnection(doc, ref('fork', 'branch-1'), ref('comb', 'in')).ok).toBe(false);
    expect(checkConnection(doc, ref('fork', 'branch-2'), ref('comb', 'in'))).toEqual({ ok: true });
  });
});
