import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { fixtureFile } from '../fixtures/campaign-files';
import { CampaignListPage } from './campaign-list-page';

/**
 * Profiles of the sample data the count specs load (`?profiles=` in the app's URL): small enough
 * for a busy machine, and the same size the expected counts are computed with in Node.
 */
export const SPEC_PROFILES = 10_000;

/** Counts on the canvas and in the inspector, and the engine's own counts computed in Node. */
export class CountsPage {
  constructor(readonly page: Page) {}

  /** Opens the campaign list with the sample data of `profiles` profiles. */
  async gotoList(profiles = SPEC_PROFILES) {
    await this.page.goto(`/?profiles=${profiles}#/`);
    await expect(this.page.getByRole('heading', { name: 'Campaigns', level: 2 })).toBeVisible();
  }

  /**
   * Imports the campaign file `fixture` of e2e/fixtures through the campaign list, opens the
   * campaign `name` it holds and waits until its counts are up to date; returns the counts the
   * engine computes in Node for the same file.
   */
  async openImportedCampaign(fixture: string, name: string): Promise<Record<string, number>> {
    await this.gotoList();
    await new CampaignListPage(this.page).importFile(fixtureFile(fixture));
    await this.page.getByRole('link', { name }).click();
    await this.expectUpToDate();
    return CountsPage.expectedCounts(`e2e/fixtures/${fixture}`);
  }

  get status(): Locator {
    return this.page.getByRole('status', { name: 'Counts status' });
  }

  async expectUpToDate(timeout = 120_000) {
    await expect(this.status).toHaveText('Counts up to date', { timeout });
  }

  /** The label block of a transition, by its id. */
  transitionLabel(transitionId: string): Locator {
    return this.page.locator(`.cv-edge-label[data-transition-id="${transitionId}"]`);
  }

  /** The count badge of a transition (an image named like "1,234 records"). */
  transitionCount(transitionId: string): Locator {
    return this.transitionLabel(transitionId).getByRole('img', { name: /records|Counting|No count|failed|Needs a simulation/ });
  }

  /** The count badge of the transition between two activities, by their labels. */
  async countBetween(from: string, to: string): Promise<Locator> {
    const edge = this.page.getByRole('group', { name: new RegExp(`^Transition from ${escape(from)} to ${escape(to)}(:|$)`) });
    const id = await edge.getAttribute('data-id');
    if (!id) throw new Error(`no transition from ${from} to ${to}`);
    return this.transitionCount(id);
  }

  /** The count badge of an activity on the canvas. */
  activityCount(label: string): Locator {
    return this.page
      .getByRole('application', { name: 'Campaign canvas' })
      .getByRole('group', { name: label, exact: true })
      .getByRole('img', { name: /records/ });
  }

  /** The open campaign as its Export JSON download, written to a temporary file. */
  async exportCampaign(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export JSON' }).click();
    const file = join(mkdtempSync(join(tmpdir(), 'counts-')), 'campaign.json');
    await (await download).saveAs(file);
    return file;
  }

  /**
   * The counts the engine computes in Node for a campaign file on the same sample data (the
   * command-line tool: same engine, same generator, same seed), per transition id.
   */
  static expectedCounts(file: string, profiles = SPEC_PROFILES): Record<string, number> {
    const r = spawnSync('npx', ['tsx', 'cli/campaign.ts', 'counts', file, '--profiles', String(profiles)], { encoding: 'utf8' });
    // Exit code 2: some activity could not be computed; the others' counts are still printed.
    if (r.status !== 0 && r.status !== 2) throw new Error(`campaign counts failed (${r.status}): ${r.stderr}`);
    return JSON.parse(r.stdout) as Record<string, number>;
  }

  /** Writes a document to a temporary file, for `expectedCounts`. */
  static writeCampaign(doc: unknown): string {
    const file = join(mkdtempSync(join(tmpdir(), 'counts-')), 'campaign.json');
    writeFileSync(file, JSON.stringify(doc));
    return file;
  }
}

/** "12,345 records" as the badges name a count. */
export function recordsName(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'record' : 'records'}`;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
