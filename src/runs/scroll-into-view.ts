/** A ref callback that brings a panel just opened below a long history into view. */
export function scrollIntoView(element: HTMLElement | null): void {
  element?.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
}
