import { useEffect, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';
import { zoomDetail } from './zoom-detail';

/**
 * Keeps the canvas element told of the zoom without rendering anything: `data-zoom-detail` (see
 * zoom-detail.ts) changes only when a threshold is crossed, so nodes switch to their simplified
 * view in CSS and none of them renders again on a zoom tick; `--cv-zoom` lets CSS size text in
 * screen pixels; `--cv-label-scale` keeps the "+" on transitions usable (at most 1.5x) when
 * zoomed out.
 */
export function useZoomDetail(element: RefObject<HTMLElement | null>) {
  const flow = useStoreApi();
  useEffect(() => {
    let last = Number.NaN;
    const apply = (zoom: number) => {
      const el = element.current;
      if (zoom === last || !el) return;
      last = zoom;
      el.style.setProperty('--cv-zoom', zoom.toFixed(4));
      el.style.setProperty('--cv-label-scale', Math.min(1.5, Math.max(1, 1 / zoom)).toFixed(3));
      const detail = zoomDetail(zoom);
      if (el.dataset.zoomDetail !== detail) el.dataset.zoomDetail = detail;
    };
    apply(flow.getState().transform[2]);
    return flow.subscribe((s) => apply(s.transform[2]));
  }, [flow, element]);
}
