import { expect, test } from '@playwright/test';
import { demoRoom, SHOTS } from './demo-room';
import path from 'node:path';

const room = demoRoom({ allowRepoChanges: true });

for (const size of [{ width: 1024, height: 700 }, { width: 1440, height: 900 }]) {
  test(`board at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto(room().url);
    await expect(page.getByTestId('board')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `fit-board-${size.width}.png`) });
  });
}
