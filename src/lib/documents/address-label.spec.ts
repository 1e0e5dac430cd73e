import { describe, expect, it } from 'vitest';
import { addressLabelPdf } from './address-label';
import { diskAssets } from './testing/assets';
import {
	CYRILLIC_NAME,
	makeAddress,
	makeOrder,
	makeSettings,
	POLISH_NAME
} from './testing/fixtures';
import { inspectPdf } from './testing/inspect';
import { HAS_BARCODE_TOOLS, HAS_PDFTOTEXT, pageTexts, scanBarcodes } from './testing/poppler';

const settings = makeSettings();
const order = makeOrder({
	number: '#1043',
	shippingAddress: makeAddress({
		name: POLISH_NAME,
		company: 'Żabka Sp. z o.o.',
		street1: 'ul. Świętokrzyska 12',
		street2: 'lok. 4',
		city: 'Łódź',
		postcode: '90-001',
		country: 'PL',
		phone: '+48 600 100 200'
	})
});

describe('addressLabelPdf', () => {
	it('is one page of the label size asked for', async () => {
		const a6 = await inspectPdf(await addressLabelPdf(order, settings, diskAssets(), 'A6'));
		expect(a6.sizes).toEqual([[298, 420]]);
		const inches = await inspectPdf(await addressLabelPdf(order, settings, diskAssets(), '4x6'));
		expect(inches.sizes).toEqual([[288, 432]]);
		expect(inches.title).toBe('Address label — order #1043');
	});

	it.skipIf(!HAS_PDFTOTEXT)('prints the ship-to address large and the return address', async () => {
		const [text] = pageTexts(await addressLabelPdf(order, settings, diskAssets(), 'A6'));
		for (const expected of [
			POLISH_NAME,
			'Żabka Sp. z o.o.',
			'ul. Świętokrzyska 12',
			'90-001 Łódź',
			'POLAND',
			'+48 600 100 200',
			'Dockside Returns, Lagerweg 5, 21079 Hamburg, Germany',
			'DHL Express',
			'#1043'
		]) {
			expect(text).toContain(expected);
		}
	});

	it.skipIf(!HAS_PDFTOTEXT)(
		'falls back to the company address when no return address is set',
		async () => {
			const noReturn = makeSettings({ returnAddress: '' });
			const [text] = pageTexts(await addressLabelPdf(order, noReturn, diskAssets(), '4x6'));
			expect(text).toContain('Dockside Demo GmbH, Hafenstraße 12, 20457 Hamburg, Germany');
		}
	);

	it('shrinks a very long address to stay on one label', async () => {
		const long = makeOrder({
			shippingAddress: makeAddress({
				name: CYRILLIC_NAME + ' '.repeat(1) + 'Александрович '.repeat(10),
				company: 'Общество с ограниченной ответственностью '.repeat(4),
				street1: 'улица Большая Садовая, дом 302-бис, '.repeat(5),
				street2: 'подъезд 4, этаж 5, квартира 50, '.repeat(5),
				city: 'Москва',
				postcode: '101000',
				country: 'RU'
			})
		});
		const pdf = await addressLabelPdf(long, settings, diskAssets(), '4x6');
		expect((await inspectPdf(pdf)).pageCount).toBe(1);
		if (HAS_PDFTOTEXT) expect(pageTexts(pdf)[0]).toContain('RUSSIA');
		if (HAS_BARCODE_TOOLS) expect(scanBarcodes(pdf, 1)).toEqual(['CODE-128:1043']);
	});

	it.skipIf(!HAS_BARCODE_TOOLS)('carries the order number as a scannable barcode', async () => {
		for (const size of ['A6', '4x6'] as const) {
			const pdf = await addressLabelPdf(order, settings, diskAssets(), size);
			expect(scanBarcodes(pdf, 1)).toEqual(['CODE-128:1043']);
		}
	});
});
