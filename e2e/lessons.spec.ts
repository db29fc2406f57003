// Every lesson opens by URL and its tour is walked to the end with the keyboard only.
import { test, assert, shot, simSeconds } from './harness.ts';

const LESSONS = ['sync-vs-async', 'events-vs-commands', 'fan-out', 'when-sync', 'eventual-consistency', 'event-sourcing', 'cqrs', 'anti-patterns', 'contracts'];

for (const id of LESSONS) {
  test(`lesson ${id}: opens by URL and its tour is walked to the end with the keyboard only`, async ({ app }) => {
    const page = await app.open(`?lesson=${id}`, { floor: false });
    const region = page.getByRole('region', { name: 'Lesson' });
    await region.waitFor();
    const title = await region.getByRole('heading').first().innerText();
    assert(title.length > 3, `lesson title "${title}"`);
    assert((await page.getByRole('combobox', { name: 'Lesson' }).inputValue()) === id, 'the menu shows the lesson');
    await page.screenshot({ path: shot(`lesson-${id}-intro-1280x720.png`) });
    // Keyboard only: Tab to the tour button, then Enter through every step.
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.textContent === 'Start the tour');
    }
    assert(found, 'Tab never reached "Start the tour"');
    let steps = 0;
    for (; steps < 12; steps++) {
      await page.keyboard.press('Enter');
      await page.waitForTimeout(700);
      if (await region.getByRole('heading', { name: 'What you’re learning' }).isVisible()) break;
      const label = await page.evaluate(() => document.activeElement?.textContent ?? '');
      assert(/Next step|Finish/.test(label), `focus left the tour button (on "${label}")`);
    }
    assert(await region.getByRole('heading', { name: 'What you’re learning' }).isVisible(), 'the summary was never reached');
    if (id === 'anti-patterns') {
      await page.getByRole('region', { name: 'Message linter' }).getByText(/SendEmailToCustomer is published as an event/).waitFor();
      assert((await simSeconds(page)) > 0, 'the tour ran the simulation');
    } else if (id === 'when-sync') {
      const table = await page.getByRole('table', { name: 'Time until the user can use the app' }).innerText();
      assert(/Event-driven login/.test(table) && /600/.test(table), `login table: ${table}`);
    } else if (id === 'fan-out') {
      const table = await page.getByRole('table', { name: 'Median delay after a task is created' }).innerText();
      assert(/Notification/.test(table), `fan-out table: ${table}`);
    } else if (id === 'eventual-consistency') {
      // This lesson's world runs in its panel: the books must add up at the moment shown.
      const books = await page.getByRole('table', { name: 'The books' }).innerText();
      assert(/nothing lost/.test(books), `books: ${books}`);
      await page.getByRole('button', { name: 'Read your savings balance now' }).press('Enter');
      await page.getByRole('status').filter({ hasText: 'The savings app shows' }).waitFor();
    } else {
      assert((await simSeconds(page)) > 0, 'the tour ran the simulation');
    }
    await page.screenshot({ path: shot(`lesson-${id}-end-1280x720.png`) });
  });
}

test('an unknown lesson in the URL shows a notice and the page runs', async ({ app }) => {
  const page = await app.open('?lesson=%3Cscript%3Ealert(1)%3C%2Fscript%3E', { floor: false });
  await page.getByRole('status').filter({ hasText: /lesson=<script>alert\(1\)<\/script.{0,2} \(no such lesson\)/ }).waitFor();
  assert((await page.getByRole('region', { name: 'Lesson' }).count()) === 0, 'no lesson shown');
  // A link plays unless it says paused: the defaults run.
  await page.waitForTimeout(800);
  assert((await simSeconds(page)) > 0, 'the page runs');
});
