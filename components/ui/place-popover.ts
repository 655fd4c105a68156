type Rect = { top: number; left: number; width: number; height: number };
type Size = { width: number; height: number };

export type Placement = { top: number; left: number; maxHeight: number; side: 'below' | 'above' };

// Phones (narrower than Tailwind's `sm`) show every menu as a bottom sheet (globals.css).
export const SHEET_MAX_WIDTH = 639;

// Where a popover of `panel` size opens next to its `anchor`, in viewport coordinates: below the
// anchor (above when only there it fits), its right edge on the anchor's right edge when `align` is
// 'end' (left on left when 'start'), then shifted so it stays `margin` px inside the viewport; its
// height is capped to the room on the chosen side.
export const placePopover = (anchor: Rect, panel: Size, viewport: Size, align: 'start' | 'end' = 'end', margin = 8, gap = 4): Placement => {
  const below = viewport.height - (anchor.top + anchor.height) - gap - margin;
  const above = anchor.top - gap - margin;
  const side = panel.height <= below || below >= above ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? below : above);
  const height = Math.min(panel.height, room);
  const top = side === 'below' ? anchor.top + anchor.height + gap : anchor.top - gap - height;
  const wanted = align === 'end' ? anchor.left + anchor.width - panel.width : anchor.left;
  const widest = Math.max(margin, viewport.width - margin - panel.width);
  const left = Math.min(Math.max(wanted, margin), widest);
  return { top: Math.round(top), left: Math.round(left), maxHeight: Math.round(room), side };
};
