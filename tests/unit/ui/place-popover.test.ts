import { describe, expect, test } from 'vitest';
import { placePopover } from '@/components/ui/place-popover';

const viewport = { width: 1280, height: 800 };

describe('placePopover', () => {
  test('opens below the anchor, right edges aligned', () => {
    const place = placePopover({ top: 10, left: 900, width: 40, height: 30 }, { width: 256, height: 300 }, viewport);
    expect(place).toEqual({ top: 44, left: 684, maxHeight: 748, side: 'below' });
  });

  test('shifts right when aligning would leave the viewport on the left (a phone header menu)', () => {
    const place = placePopover({ top: 10, left: 20, width: 40, height: 30 }, { width: 256, height: 300 }, { width: 375, height: 812 });
    expect(place.left).toBe(8);
  });

  test('shifts left when a start-aligned panel would leave the viewport on the right', () => {
    const place = placePopover({ top: 10, left: 300, width: 40, height: 30 }, { width: 320, height: 300 }, { width: 375, height: 812 }, 'start');
    expect(place.left).toBe(375 - 8 - 320);
  });

  test('flips above when it fits only there, and caps the height to the room it has', () => {
    const flipped = placePopover({ top: 700, left: 600, width: 40, height: 30 }, { width: 200, height: 300 }, viewport);
    expect(flipped.side).toBe('above');
    expect(flipped.top).toBe(700 - 4 - 300);
    const capped = placePopover({ top: 300, left: 600, width: 40, height: 30 }, { width: 200, height: 900 }, viewport);
    expect(capped.side).toBe('below');
    expect(capped.top + capped.maxHeight).toBeLessThanOrEqual(800 - 8);
  });

  test('a panel wider than the viewport starts at the margin', () => {
    expect(placePopover({ top: 0, left: 100, width: 10, height: 10 }, { width: 500, height: 10 }, { width: 375, height: 812 }).left).toBe(8);
  });
});
