import 'fake-indexeddb/auto';
import { it, expect } from 'vitest';
import { makeOrder } from '$lib/domain/testing/factories';
import { getDb } from './db';
import { listOrderPage, queryTuning } from './queries';
import { toStoredOrder } from './stored';
it('x', async () => {
  const orders = Array.from({ length: 10 }, (_, k) => makeOrder({ id: `o${k}`, shopId: k < 8 ? 'shop-a' : 'shop-b', placedAt: `2026-03-0${k}T00:00:00.000Z`.replace('0T', 'T').replace('-0', '-0'), status: 'processing' }));
  orders.forEach((o, k) => (o.placedAt = new Date(Date.UTC(2026, 2, 1 + k)).toISOString()));
  await getDb().orders.bulkPut(orders.map(toStoredOrder));
  queryTuning.scanBudget = 2;
  const page = await listOrderPage({ tab: 'all', shopId: 'shop-b', sort: 'date_asc' }, 0, 2);
  expect(page.map((o) => o.id)).toEqual(['o8', 'o9']);
});
