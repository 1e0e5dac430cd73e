// Word lists for the demo data: names, places and products in the scripts the documents must
// print (Latin with diacritics, Greek, Cyrillic). Each name has the ASCII form a person would
// use in an email address.

export interface NameGroup {
	country: string;
	/** [display, email form] */
	first: readonly (readonly [string, string])[];
	last: readonly (readonly [string, string])[];
	cities: readonly (readonly [city: string, postcode: string])[];
	streets: readonly string[];
	/** How a street number is written with the street. */
	numberFirst: boolean;
	emailDomains: readonly string[];
}

export const NAME_GROUPS: readonly NameGroup[] = [
	{
		country: 'FR',
		first: [
			['Amélie', 'amelie'],
			['Hélène', 'helene'],
			['François', 'francois'],
			['Jérôme', 'jerome'],
			['Céline', 'celine'],
			['Noël', 'noel'],
			['Zoë', 'zoe']
		],
		last: [
			['Lefèvre', 'lefevre'],
			['Dubois', 'dubois'],
			['Garçon', 'garcon'],
			['Moreau', 'moreau'],
			['Fournier', 'fournier'],
			['Bérégovoy', 'beregovoy']
		],
		cities: [
			['Paris', '75011'],
			['Paris', '75018'],
			['Lyon', '69003'],
			['Marseille', '13001'],
			['Besançon', '25000'],
			['Orléans', '45000'],
			['Saint-Étienne', '42000']
		],
		streets: [
			'rue de la Ferronnerie',
			'rue du Faubourg Saint-Honoré',
			'avenue Jean-Jaurès',
			'boulevard Saint-Germain',
			'place de l’Église',
			'impasse des Mûriers'
		],
		numberFirst: true,
		emailDomains: ['orange.fr', 'free.fr', 'gmail.com', 'laposte.net']
	},
	{
		country: 'DE',
		first: [
			['Jürgen', 'juergen'],
			['Käthe', 'kaethe'],
			['Günther', 'guenther'],
			['Lena', 'lena'],
			['Maximilian', 'max'],
			['Sören', 'soeren']
		],
		last: [
			['Müller', 'mueller'],
			['Muller', 'muller'],
			['Schröder', 'schroeder'],
			['Weiß', 'weiss'],
			['Groß', 'gross'],
			['Becker', 'becker']
		],
		cities: [
			['Berlin', '10115'],
			['München', '80331'],
			['Köln', '50667'],
			['Düsseldorf', '40213'],
			['Nürnberg', '90402']
		],
		streets: ['Hauptstraße', 'Schloßallee', 'Bahnhofstraße', 'Königsallee', 'Am Mühlbach'],
		numberFirst: false,
		emailDomains: ['web.de', 'gmx.de', 't-online.de', 'gmail.com']
	},
	{
		country: 'SE',
		first: [
			['Zoë', 'zoe'],
			['Åsa', 'asa'],
			['Björn', 'bjorn'],
			['Märta', 'marta'],
			['Örjan', 'orjan']
		],
		last: [
			['Ångström', 'angstrom'],
			['Söderberg', 'soderberg'],
			['Lindqvist', 'lindqvist'],
			['Åkesson', 'akesson'],
			['Näslund', 'naslund']
		],
		cities: [
			['Stockholm', '111 22'],
			['Göteborg', '411 01'],
			['Malmö', '211 20'],
			['Västerås', '721 30']
		],
		streets: ['Drottninggatan', 'Storgatan', 'Kungsgatan', 'Götgatan'],
		numberFirst: false,
		emailDomains: ['telia.com', 'gmail.com', 'outlook.com']
	},
	{
		country: 'PL',
		first: [
			['Łukasz', 'lukasz'],
			['Małgorzata', 'malgorzata'],
			['Agnieszka', 'agnieszka'],
			['Paweł', 'pawel'],
			['Zofia', 'zofia']
		],
		last: [
			['Żółć', 'zolc'],
			['Wójcik', 'wojcik'],
			['Zieliński', 'zielinski'],
			['Kowalczyk', 'kowalczyk'],
			['Dąbrowska', 'dabrowska']
		],
		cities: [
			['Kraków', '30-001'],
			['Łódź', '90-001'],
			['Gdańsk', '80-001'],
			['Wrocław', '50-001']
		],
		streets: ['ul. Żeromskiego', 'ul. Piotrkowska', 'ul. Długa', 'al. Jerozolimskie'],
		numberFirst: false,
		emailDomains: ['wp.pl', 'onet.pl', 'gmail.com']
	},
	{
		country: 'GR',
		first: [
			['Ελένη', 'eleni'],
			['Γιώργος', 'giorgos'],
			['Δημήτρης', 'dimitris'],
			['Σοφία', 'sofia'],
			['Νίκος', 'nikos']
		],
		last: [
			['Παπαδοπούλου', 'papadopoulou'],
			['Νικολάου', 'nikolaou'],
			['Οικονόμου', 'oikonomou'],
			['Γεωργίου', 'georgiou'],
			['Παπαδόπουλος', 'papadopoulos']
		],
		cities: [
			['Αθήνα', '105 57'],
			['Θεσσαλονίκη', '546 21'],
			['Πάτρα', '262 21'],
			['Ηράκλειο', '712 02']
		],
		streets: ['Οδός Ερμού', 'Λεωφόρος Βασιλίσσης Σοφίας', 'Οδός Τσιμισκή', 'Οδός Αιόλου'],
		numberFirst: false,
		emailDomains: ['otenet.gr', 'gmail.com', 'yahoo.gr']
	},
	{
		country: 'BG',
		first: [
			['Дмитрий', 'dmitry'],
			['Мария', 'maria'],
			['Георги', 'georgi'],
			['Анна', 'anna'],
			['Йордан', 'yordan']
		],
		last: [
			['Иванов', 'ivanov'],
			['Петрова', 'petrova'],
			['Димитров', 'dimitrov'],
			['Стоянова', 'stoyanova'],
			['Георгиев', 'georgiev']
		],
		cities: [
			['София', '1000'],
			['Пловдив', '4000'],
			['Варна', '9000']
		],
		streets: ['ул. Витоша', 'бул. Васил Левски', 'ул. Шипка', 'бул. Христо Ботев'],
		numberFirst: false,
		emailDomains: ['abv.bg', 'gmail.com', 'mail.bg']
	},
	{
		country: 'ES',
		first: [
			['José', 'jose'],
			['María', 'maria'],
			['Begoña', 'begona'],
			['Iñaki', 'inaki'],
			['Lucía', 'lucia']
		],
		last: [
			['Núñez', 'nunez'],
			['Peña', 'pena'],
			['Muñoz', 'munoz'],
			['Ibáñez', 'ibanez'],
			['García', 'garcia']
		],
		cities: [
			['Madrid', '28013'],
			['A Coruña', '15001'],
			['Logroño', '26001'],
			['Málaga', '29001']
		],
		streets: ['Calle de Alcalá', 'Avenida de Andalucía', 'Calle Mayor', 'Paseo de la Castellana'],
		numberFirst: false,
		emailDomains: ['gmail.com', 'telefonica.net', 'hotmail.es']
	},
	{
		country: 'GB',
		first: [
			['Olivia', 'olivia'],
			['James', 'james'],
			['Siobhán', 'siobhan'],
			['Chloë', 'chloe'],
			['Rhys', 'rhys']
		],
		last: [
			['Smith', 'smith'],
			['O’Brien', 'obrien'],
			['Brown', 'brown'],
			['Fitzgerald-Hughes', 'fitzgerald.hughes'],
			['Taylor', 'taylor']
		],
		cities: [
			['London', 'SW1A 1AA'],
			['Manchester', 'M1 1AE'],
			['Edinburgh', 'EH1 1YZ'],
			['Cardiff', 'CF10 1EP']
		],
		streets: ['Baker Street', 'King’s Road', 'High Street', 'Station Road'],
		numberFirst: true,
		emailDomains: ['btinternet.com', 'gmail.com', 'outlook.com']
	},
	{
		country: 'IT',
		first: [
			['Niccolò', 'niccolo'],
			['Giulia', 'giulia'],
			['Fabrizio', 'fabrizio'],
			['Chiara', 'chiara']
		],
		last: [
			['Esposito', 'esposito'],
			['Rossi', 'rossi'],
			['D’Angelo', 'dangelo'],
			['Cantù', 'cantu']
		],
		cities: [
			['Milano', '20121'],
			['Torino', '10121'],
			['Napoli', '80121'],
			['Forlì', '47121']
		],
		streets: ['Via Garibaldi', 'Corso Vittorio Emanuele II', 'Via dei Mille', 'Piazza Cavour'],
		numberFirst: false,
		emailDomains: ['libero.it', 'gmail.com', 'tiscali.it']
	}
];

/** Product families: SKU prefix, names, variants, price range (EUR, tax excluded), tax rate. */
export interface ProductFamily {
	prefix: string;
	names: readonly string[];
	variants: readonly string[];
	price: readonly [number, number];
	taxRate: number;
	weight: readonly [number, number];
}

export const PRODUCT_FAMILIES: readonly ProductFamily[] = [
	{
		prefix: 'TSH',
		names: ['T-shirt « Bonne Mine »', 'T-shirt Ångström', 'T-shirt Æther', 'T-shirt Zürich'],
		variants: ['BLK-S', 'BLK-M', 'BLK-L', 'ECR-S', 'ECR-M', 'ECR-L', 'OLV-M', 'OLV-XL'],
		price: [14, 29],
		taxRate: 0.2,
		weight: [0.15, 0.25]
	},
	{
		prefix: 'MUG',
		names: ['Mug café crème 350 ml', 'Mug « Crème brûlée »', 'Tasse Smørrebrød', 'Κούπα Ελιά'],
		variants: ['WHT', 'BLU', 'SAGE'],
		price: [8, 18],
		taxRate: 0.2,
		weight: [0.3, 0.45]
	},
	{
		prefix: 'LMP',
		names: ['Lampe de bureau Ångström', 'Leuchte Schloßallee', 'Lampa Łódź', 'Лампа Витоша'],
		variants: ['BRS', 'BLK', 'WHT'],
		price: [39, 149],
		taxRate: 0.2,
		weight: [0.9, 2.4]
	},
	{
		prefix: 'SCF',
		names: ['Écharpe laine Zürich', 'Schal Käthe', 'Bufanda Begoña', 'Шал София'],
		variants: ['GRY', 'RED', 'NVY', 'CML'],
		price: [24, 59],
		taxRate: 0.2,
		weight: [0.12, 0.2]
	},
	{
		prefix: 'BK',
		names: [
			'Carnet de notes A5 pointillé',
			'Notizbuch Müller A6',
			'Σημειωματάριο Αθήνα',
			'Livre de recettes « Crêpes & Galettes »'
		],
		variants: ['A5', 'A6', 'B5'],
		price: [6, 32],
		taxRate: 0.055,
		weight: [0.1, 0.6]
	},
	{
		prefix: 'OIL',
		names: ['Huile d’olive Ελιά 500 ml', 'Aceite Núñez 750 ml', 'Olio Cantù 1 l'],
		variants: ['STD', 'BIO'],
		price: [9, 27],
		taxRate: 0.055,
		weight: [0.6, 1.2]
	},
	{
		prefix: 'TOY',
		names: ['Матрёшка 5 pièces', 'Piñata étoile', 'Puzzle Göteborg 1000', 'Toupie Forlì'],
		variants: ['S', 'M', 'L'],
		price: [12, 45],
		taxRate: 0.2,
		weight: [0.2, 0.9]
	},
	{
		prefix: 'BAG',
		names: ['Sac à dos Fjällbacka 20 l', 'Tote bag « Ça va »', 'Torba Gdańsk', 'Τσάντα Πάτρα'],
		variants: ['BLK', 'KHK', 'RST', 'NVY'],
		price: [19, 89],
		taxRate: 0.2,
		weight: [0.3, 1.1]
	},
	{
		prefix: 'CAN',
		names: ['Bougie Forêt de Brocéliande', 'Kerze Weiß & Gold', 'Vela Málaga'],
		variants: ['S', 'L'],
		price: [11, 34],
		taxRate: 0.2,
		weight: [0.25, 0.7]
	},
	{
		prefix: 'TEA',
		names: ['Thé vert Sencha', 'Чай Иван-чай', 'Tè Chiara Earl Grey', 'Rooibos Crème'],
		variants: ['50G', '100G', '250G'],
		price: [5, 22],
		taxRate: 0.055,
		weight: [0.06, 0.3]
	}
];

/** Items that do not ship: [type, SKU, name, price]. */
export const NON_SHIPPING_PRODUCTS = [
	['gift_card', 'GC-25', 'Carte cadeau 25 €', 25],
	['gift_card', 'GC-50', 'Carte cadeau 50 €', 50],
	['gift_card', 'GC-100', 'Geschenkkarte 100 €', 100],
	['virtual', 'SRV-GIFTWRAP', 'Emballage cadeau (service)', 3.5],
	['virtual', 'SRV-ENGRAVE', 'Gravure personnalisée', 9],
	['virtual', 'SRV-WARRANTY', 'Extension de garantie 2 ans', 15],
	['downloadable', 'DL-PATTERN-01', 'Patron de couture « Zoë » (PDF)', 7],
	['downloadable', 'DL-EBOOK-02', 'E-book « Smørrebrød & Co »', 12],
	['downloadable', 'DL-EBOOK-03', 'Οδηγός ελαιολάδου (e-book)', 9]
] as const;

export const GIFT_MESSAGES: readonly (readonly [message: string, from?: string, to?: string])[] = [
	['Joyeux anniversaire ! 🎂 Avec toute mon affection.', 'Amélie', 'Noël'],
	['Alles Gute zum Geburtstag, liebe Käthe!', 'Jürgen'],
	['Χρόνια πολλά!', 'Ελένη', 'Σοφία'],
	['С днём рождения!', 'Дмитрий'],
	['Feliz Navidad y próspero año nuevo.', undefined, 'Begoña'],
	['Grattis på födelsedagen! / Happy birthday!'],
	['Wszystkiego najlepszego, "Zosia" — from all of us, with love,\nŁukasz', 'Łukasz', 'Zofia']
];

export const HOLD_NOTES: Record<string, string> = {
	address: 'Adresse incomplète : numéro de rue manquant.',
	payment: 'Payment under review by the payment provider.',
	fraud_check: 'Billing and shipping countries differ; check with the customer.',
	customer_request: 'Customer asked to ship with the next order.',
	stock: 'Waiting for the supplier delivery.',
	other: 'Call the customer before shipping.'
};
