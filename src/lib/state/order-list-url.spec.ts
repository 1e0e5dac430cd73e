import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OrderListQuery } from '$lib/local/queries';
import { ORDER_SORTS, ORDER_TABS, orderQuerySearch, parseOrderQuery } from './order-list-url';

const params = (text: string) => new URLSearchParams(text);

describe('order list URL', () => {
	it('defaults to every order, newest first', () => {
		expect(parseOrderQuery(params(''))).toEqual({ tab: 'all', sort: 'date_desc' });
		expect(orderQuerySearch({ tab: 'all', sort: 'date_desc' })).toBe('');
	});

	it('reads tab, filters, search and sort', () => {
		expect(
			parseOrderQuery(
				params(
					'tab=on_hold&shop=s1&warehouse=w2&from=2026-01-01&to=2026-01-31&q=m%C3%BCller&sort=total_asc'
				)
			)
		).toEqual({
			tab: 'on_hold',
			shopId: 's1',
			warehouseId: 'w2',
			from: '2026-01-01',
			to: '2026-01-31',
			search: 'müller',
			sort: 'total_asc'
		});
	});

	it('ignores unknown tabs, sorts and malformed dates', () => {
		expect(parseOrderQuery(params('tab=shipped&sort=random&from=yesterday&q=%20%20'))).toEqual({
			tab: 'all',
			sort: 'date_desc'
		});
	});

	it('writes only what differs from the default', () => {
		expect(orderQuerySearch({ tab: 'processing', sort: 'date_desc', search: ' 1043 ' })).toBe(
			'?tab=processing&q=1043'
		);
	});

	it('round-trips any query through the URL', () => {
		const day = fc
			.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
			.map((d) => d.toISOString().slice(0, 10));
		const word = fc
			.string({ minLength: 1, maxLength: 12 })
			.filter((s) => s.trim() === s && s !== '');
		const query = fc.record(
			{
				tab: fc.constantFrom(...ORDER_TABS),
				sort: fc.constantFrom(...ORDER_SORTS),
				shopId: word,
				warehouseId: word,
				from: day,
				to: day,
				search: word
			},
			{ requiredKeys: ['tab', 'sort'] }
		);
		fc.assert(
			fc.property(query, (q: OrderListQuery) => {
				const search = orderQuerySearch(q);
				expect(parseOrderQuery(new URLSearchParams(search))).toEqual(q);
			})
		);
	});
});
