// Address validation for forms and for order.editShippingAddress: the shared Address shape plus
// a real ISO 3166 country and the postcode format of the countries whose format we know.
import { z } from 'zod';
import { Address } from './schemas';

// ISO 3166-1 alpha-2 codes in use, plus XK (Kosovo), which shops and carriers use.
const ISO_COUNTRIES = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT
GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY
KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX
MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS
RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN
TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW`;

export const COUNTRY_CODES: ReadonlySet<string> = new Set(ISO_COUNTRIES.split(/\s+/));

export interface PostcodeFormat {
	country: string;
	/** Matched against the trimmed, upper-cased postcode. */
	pattern: RegExp;
	example: string;
	/** Ireland: many addresses have no Eircode; an empty postcode is accepted. */
	optional?: boolean;
}

const formats: Record<string, PostcodeFormat> = {
	FR: { country: 'France', pattern: /^\d{5}$/, example: '75001' },
	DE: { country: 'Germany', pattern: /^\d{5}$/, example: '10115' },
	US: { country: 'the United States', pattern: /^\d{5}(-\d{4})?$/, example: '94103' },
	GB: {
		country: 'the United Kingdom',
		pattern: /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/,
		example: 'SW1A 1AA'
	},
	NL: { country: 'the Netherlands', pattern: /^\d{4} ?[A-Z]{2}$/, example: '1012 AB' },
	BE: { country: 'Belgium', pattern: /^\d{4}$/, example: '1000' },
	ES: { country: 'Spain', pattern: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/, example: '28001' },
	IT: { country: 'Italy', pattern: /^\d{5}$/, example: '00184' },
	PT: { country: 'Portugal', pattern: /^\d{4}-\d{3}$/, example: '1100-148' },
	PL: { country: 'Poland', pattern: /^\d{2}-\d{3}$/, example: '00-950' },
	AT: { country: 'Austria', pattern: /^\d{4}$/, example: '1010' },
	CH: { country: 'Switzerland', pattern: /^\d{4}$/, example: '8001' },
	CA: {
		country: 'Canada',
		pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/,
		example: 'K1A 0B1'
	},
	LU: { country: 'Luxembourg', pattern: /^(L-)?\d{4}$/, example: '1009' },
	IE: {
		country: 'Ireland',
		pattern: /^([AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$/,
		example: 'D02 X285',
		optional: true
	},
	DK: { country: 'Denmark', pattern: /^\d{4}$/, example: '1050' },
	SE: { country: 'Sweden', pattern: /^\d{3} ?\d{2}$/, example: '114 55' },
	NO: { country: 'Norway', pattern: /^\d{4}$/, example: '0150' },
	FI: { country: 'Finland', pattern: /^\d{5}$/, example: '00100' },
	CZ: { country: 'Czechia', pattern: /^\d{3} ?\d{2}$/, example: '110 00' },
	AU: { country: 'Australia', pattern: /^\d{4}$/, example: '2000' },
	JP: { country: 'Japan', pattern: /^\d{3}-?\d{4}$/, example: '100-0001' }
};
export const POSTCODE_FORMATS: ReadonlyMap<string, PostcodeFormat> = new Map(
	Object.entries(formats)
);

/** null when the postcode fits the country, else the message to show beside the field. */
export function postcodeProblem(country: string, postcode: string): string | null {
	const format = POSTCODE_FORMATS.get(country);
	const value = postcode.trim().toUpperCase();
	if (!format) return null; // unknown format: any postcode, or none, is accepted
	if (value === '' && format.optional) return null;
	if (value === '') return `Postcode is required for ${format.country}, e.g. ${format.example}.`;
	if (!format.pattern.test(value)) {
		return `A postcode in ${format.country} looks like ${format.example}.`;
	}
	return null;
}

/** The shared Address, with a real country code and a postcode that fits it. */
export const ValidAddress = Address.extend({
	country: z
		.string()
		.trim()
		.toUpperCase()
		.refine(
			(code) => COUNTRY_CODES.has(code),
			'Use a two-letter country code (ISO 3166), e.g. FR or DE.'
		)
}).superRefine((address, ctx) => {
	if (!COUNTRY_CODES.has(address.country)) return;
	const problem = postcodeProblem(address.country, address.postcode);
	if (problem) ctx.addIssue({ code: 'custom', path: ['postcode'], message: problem });
});

/** One line for timelines and confirmations: "Ann Lee, 3 rue X, 75001 Paris, FR". */
export function formatAddressLine(address: Address): string {
	const place = [address.postcode, address.city].filter((s) => s !== '').join(' ');
	return [address.name, address.company, address.street1, address.street2, place, address.country]
		.filter((s): s is string => s !== undefined && s !== '')
		.join(', ');
}
