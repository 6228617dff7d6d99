/**
 * The system clipboard, with a memory fallback. Copy and paste must work across campaigns and
 * browser tabs, which only the system clipboard gives; when the browser refuses it (no permission,
 * an insecure page), the last copy still pastes within this tab.
 */
let lastCopied: string | null = null;

export async function writeClipboardText(text: string): Promise<void> {
  lastCopied = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Memory fallback above is enough to paste in this tab.
  }
}

/** Records text put on the clipboard through a native copy event. */
export function rememberCopied(text: string): void {
  lastCopied = text;
}

/** Clipboard text, or the last copy of this tab when the clipboard cannot be read. */
export async function readClipboardText(): Promise<string | null> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    return lastCopied;
  }
}
