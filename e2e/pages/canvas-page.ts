import { expect, type Locator, type Page } from '@playwright/test';

/** Where the canvas specs start: a new, empty campaign. */
export const NEW_CAMPAIGN_URL = process.env.E2E_CANVAS_ENTRY ?? '/#/new';

/** An activity placed at a point of the canvas: its palette title, then x and y. */
export type Placed = readonly [title: string, x: number, y: number];

/** The canvas editor: palette, canvas, toolbar. Nodes are reached by their accessible names. */
export class CanvasPage {
  constructor(readonly page: Page) {}

  async openNewCampaign() {
    await this.page.goto(NEW_CAMPAIGN_URL);
    await expect(this.canvas).toBeVisible();
  }

  /**
   * A new campaign with these activities added in a row (see addInRow); with `chained`, each is
   * connected to the next (see addChain).
   */
  static async newCampaignWith(page: Page, titles: string[], options: { chained?: boolean } = {}): Promise<CanvasPage> {
    const canvas = new CanvasPage(page);
    await canvas.openNewCampaign();
    if (options.chained) await canvas.addChain(titles);
    else await canvas.addInRow(titles);
    return canvas;
  }

  get palette(): Locator {
    return this.page.getByRole('complementary', { name: 'Activity palette' });
  }

  get canvas(): Locator {
    return this.page.getByRole('application', { name: 'Campaign canvas' });
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Editor tools' });
  }

  paletteItem(title: string): Locator {
    return this.palette.getByRole('button', { name: title, exact: true });
  }

  /** An activity on the canvas, by its label. */
  node(label: string): Locator {
    return this.canvas.getByRole('group', { name: label, exact: true });
  }

  get nodes(): Locator {
    return this.canvas.locator('.react-flow__node');
  }

  /** A transition on the canvas, by the labels of its two ends. */
  transition(from: string, to: string): Locator {
    return this.canvas.getByRole('group', { name: new RegExp(`^Transition from ${escape(from)} to ${escape(to)}(:|$)`) });
  }

  get transitions(): Locator {
    return this.canvas.getByRole('group', { name: /^Transition from / });
  }

  tool(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** The message line under the canvas (what was copied or pasted). */
  get status(): Locator {
    // The counts status line is a status of its own, named "Counts status"; this is the other one.
    return this.page.getByRole('region', { name: 'Canvas' }).getByRole('status').and(this.page.locator('.cv-notice-region'));
  }

  /** The message line under the canvas (connection refusals are alerts). */
  get alert(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /./ });
  }

  /** Drags an activity from the palette to a point of the canvas (relative to its top-left). */
  async dragFromPalette(title: string, at: { x: number; y: number }) {
    await this.paletteItem(title).dragTo(this.canvas, { targetPosition: at });
  }

  /** Drags an activity from the palette and drops it on the middle of `target` (a transition's "+"). */
  async dragOnto(title: string, target: Locator) {
    const box = (await target.boundingBox())!;
    const canvasBox = (await this.canvas.boundingBox())!;
    await this.dragFromPalette(title, { x: box.x - canvasBox.x + box.width / 2, y: box.y - canvasBox.y + box.height / 2 });
  }

  /** Adds activities in a row by dragging them, 300 px apart. */
  async addInRow(titles: string[], y = 300) {
    for (const [i, title] of titles.entries()) {
      await this.dragFromPalette(title, { x: 140 + i * 300, y });
      await expect(this.nodes).toHaveCount(i + 1);
    }
  }

  /** Adds activities at chosen points of the canvas, in order: `[title, x, y]`. */
  async addAt(places: readonly Placed[]) {
    for (const [i, [title, x, y]] of places.entries()) {
      await this.dragFromPalette(title, { x, y });
      await expect(this.nodes).toHaveCount(i + 1);
    }
  }

  /** Adds activities in a row and connects each to the next; waits for all the transitions. */
  async addChain(titles: string[]) {
    await this.addInRow(titles);
    for (let i = 0; i + 1 < titles.length; i++) await this.connect(titles[i]!, titles[i + 1]!);
    await expect(this.transitions).toHaveCount(titles.length - 1);
  }

  /** A handle of an activity: its output (source) or input (target) port, optionally by port id. */
  handle(label: string, kind: 'output' | 'input', port?: string): Locator {
    const base = this.node(label).locator(kind === 'output' ? '.react-flow__handle.source' : '.react-flow__handle.target');
    return port ? base.and(this.page.locator(`[data-handleid="${port}"]`)) : base.first();
  }

  /**
   * Connects two activities by dragging from an output handle to an input handle with the mouse;
   * `toPort` names the input where an activity has several (an Enrichment's "join").
   */
  async connect(from: string, to: string, fromPort?: string, toPort?: string) {
    // Nodes grow when their counts arrive (a channel's "to send" line, an End's count) and the view
    // may still be gliding to fit new activities: each handle is measured once it stands still.
    // While the button is held near the pane's edge the view pans on its own (as it does for a
    // person), so the target is measured again once the pointer has left the source, and a handle
    // that keeps gliding is taken where it last was.
    const centre = async (handle: Locator) => {
      let last = '';
      let at = { x: 0, y: 0 };
      for (let i = 0; i < 25; i++) {
        const box = await handle.boundingBox();
        if (!box) throw new Error('handle not found');
        at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        const key = `${at.x.toFixed(1)},${at.y.toFixed(1)}`;
        if (key === last) return at;
        last = key;
        await this.page.waitForTimeout(60);
      }
      return at;
    };
    const sourceHandle = this.handle(from, 'output', fromPort);
    const targetHandle = this.handle(to, 'input', toPort);
    // Within this distance of the pane's edge, a held button pans the view: a person would first
    // bring both activities into the middle, and so does the test, with Fit view.
    const EDGE = 48;
    const nearEdge = async (at: { x: number; y: number }) => {
      const pane = (await this.canvas.boundingBox())!;
      return at.x < pane.x + EDGE || at.x > pane.x + pane.width - EDGE || at.y < pane.y + EDGE || at.y > pane.y + pane.height - EDGE;
    };
    const drag = async () => {
      let source = await centre(sourceHandle);
      let target = await centre(targetHandle);
      if ((await nearEdge(source)) || (await nearEdge(target))) {
        await this.tool('Fit view').click();
        await this.page.waitForTimeout(300);
        source = await centre(sourceHandle);
        target = await centre(targetHandle);
      }
      await this.page.mouse.move(source.x, source.y);
      await this.page.mouse.down();
      await this.page.mouse.move(target.x, target.y, { steps: 12 });
      const drop = await centre(targetHandle);
      await this.page.mouse.move(drop.x, drop.y, { steps: 2 });
      await this.page.mouse.up();
    };
    const before = await this.transitions.count();
    await drag();
    // A drag the page did not take at all (no transition, no refusal said, no menu) is made again
    // once: on a loaded machine the first one is sometimes lost. A refused connection is not retried.
    const answered = async () =>
      (await this.transitions.count()) > before || (await this.alert.count()) > 0 || (await this.page.getByRole('menu').count()) > 0;
    const deadline = Date.now() + 3000;
    while (!(await answered()) && Date.now() < deadline) await this.page.waitForTimeout(100);
    if (!(await answered())) await drag();
  }

  /** Selects one activity by clicking it. */
  async select(label: string, options: { shift?: boolean } = {}) {
    await this.node(label).click({ modifiers: options.shift ? ['Shift'] : [] });
  }

  /** Keyboard shortcut with Ctrl (the tests run on Linux). */
  async press(keys: string) {
    await this.page.keyboard.press(keys);
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
