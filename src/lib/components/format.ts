// Display formats shared by the screens. Intl formatters are costly to build, so they are
// made once per currency / style and reused by every row.

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string): string {
	let format = moneyFormats.get(currency);
	if (!format) {
		try {
			format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
		} catch {
			// An unknown currency code from a shop still shows its amount.
			format = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 });
		}
		moneyFormats.set(currency, format);
	}
	return format.format(amount);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
	dateStyle: 'medium',
	timeStyle: 'short'
});

export function formatDate(iso: string): string {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function formatDateTime(iso: string): string {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** "address" → "Address", "fraud_check" → "Fraud check". */
export function humanize(code: string): string {
	const text = code.replaceAll('_', ' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "#1043", whether or not the shop's number already starts with "#". */
export function orderNumber(number: string): string {
	return `#${number.replace(/^#/, '')}`;
}
