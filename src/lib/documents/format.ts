// Text formats printed on documents. Documents leave the building, so they do not follow the
// tablet's locale: English labels, ISO dates (YYYY-MM-DD reads the same everywhere) in the
// merchant's time zone, amounts in the order's currency.
import type { Address } from '$lib/domain/schemas';

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string): string {
	let format = moneyFormats.get(currency);
	if (!format) {
		try {
			format = new Intl.NumberFormat('en', { style: 'currency', currency });
		} catch {
			// An unknown currency code from a shop still prints its amount, with the code.
			const plain = new Intl.NumberFormat('en', {
				minimumFractionDigits: 2,
				maximumFractionDigits: 2
			});
			format = {
				format: (value: number) => `${plain.format(value)} ${currency}`
			} as Intl.NumberFormat;
		}
		moneyFormats.set(currency, format);
	}
	// -0 would print as "-€0.00".
	return format.format(amount === 0 ? 0 : amount);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** 2026-01-05 in `timeZone` (UTC when the zone is unknown). */
export function formatDate(iso: string, timeZone: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	let format = dateFormats.get(timeZone);
	if (!format) {
		const options: Intl.DateTimeFormatOptions = {
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		};
		try {
			format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
		} catch {
			format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' });
		}
		dateFormats.set(timeZone, format);
	}
	return format.format(date);
}

/** "20 %", "5.5 %". */
export function formatRate(rate: number): string {
	return `${Math.round(rate * 10_000) / 100} %`;
}

/** "#1043", whether or not the shop's number already starts with "#". */
export function orderLabel(number: string): string {
	return `#${number.replace(/^#/, '')}`;
}

/** What the order-number barcode encodes: the number as the shop gives it, without "#". */
export function orderBarcodeValue(number: string): string {
	return number.replace(/^#/, '');
}

let regionNames: Intl.DisplayNames | null | undefined;

/** "France" for FR; the code itself where the runtime has no name for it. */
export function countryName(code: string): string {
	if (regionNames === undefined) {
		try {
			regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
		} catch {
			regionNames = null;
		}
	}
	try {
		return regionNames?.of(code) ?? code;
	} catch {
		return code;
	}
}

/** An address as printed, one line each: name, company, streets, postcode + city, region, country. */
export function addressLines(address: Address): string[] {
	const cityLine = [address.postcode, address.city].filter(Boolean).join(' ');
	return [
		address.name,
		address.company,
		address.street1,
		address.street2,
		cityLine,
		address.region,
		countryName(address.country)
	].filter((line): line is string => !!line && line.trim() !== '');
}

/** Multi-line settings text (company address, return address) as lines, blank ones dropped. */
export function splitLines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
}
