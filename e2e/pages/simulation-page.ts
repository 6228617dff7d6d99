import { expect, type Locator, type Page } from '@playwright/test';

/** The figures a channel node shows after a simulation, by name ("sent", "delivered"...). */
export type NodeFigures = Record<string, number>;

/** The simulation in the editor: Simulate, its state line, figures on channel nodes, the funnel, the settings. */
export class SimulationPage {
  constructor(readonly page: Page) {}

  get bar(): Locator {
    return this.page.getByRole('region', { name: 'Canvas' });
  }

  get status(): Locator {
    return this.page.getByRole('status', { name: 'Simulation status' });
  }

  /** Presses Simulate and waits until the simulation is computed. */
  async simulate(timeout = 180_000) {
    await this.bar.getByRole('button', { name: 'Simulate', exact: true }).click();
    await this.expectSimulated(timeout);
  }

  async expectSimulated(timeout = 180_000) {
    await expect(this.status).toHaveText(/^Simulated from \w{3} \d{1,2} \w{3} \d{4} \d{2}:\d{2} · seed \d+/, { timeout });
  }

  async stop() {
    await this.bar.getByRole('button', { name: 'Stop simulating' }).click();
    await expect(this.status).toBeHidden();
  }

  /** A channel node's simulated figures, read from its accessible name (whole numbers). */
  async nodeFigures(label: string): Promise<NodeFigures> {
    const group = this.page.locator('.react-flow__node', { has: this.page.getByText(label, { exact: true }) }).getByRole('group', { name: /^Simulated: / });
    const name = (await group.getAttribute('aria-label')) ?? '';
    const figures: NodeFigures = {};
    for (const part of name.replace(/^Simulated: /, '').split(', ')) {
      const m = /^([\d,]+) (\w+)$/.exec(part);
      if (m) figures[m[2]!] = Number(m[1]!.replaceAll(',', ''));
    }
    return figures;
  }

  /** The funnel table in the inspector of the selected channel. */
  get funnel(): Locator {
    return this.page.getByRole('group', { name: 'Simulated delivery' });
  }

  /** The campaign settings, in the inspector when nothing is selected. */
  get settings(): Locator {
    return this.page.getByRole('region', { name: 'Campaign settings' });
  }
}
