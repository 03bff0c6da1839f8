/** Well-known news outlets by web domain: UK first, then US and the rest of Europe. */
export const OUTLET_DOMAINS: Readonly<Record<string, string>> = {
  'bbc.co.uk': 'BBC News',
  'bbc.com': 'BBC News',
  'theguardian.com': 'The Guardian',
  'guardian.co.uk': 'The Guardian',
  'metro.co.uk': 'Metro',
  'thetimes.co.uk': 'The Times',
  'thetimes.com': 'The Times',
  'telegraph.co.uk': 'The Telegraph',
  'independent.co.uk': 'The Independent',
  'dailymail.co.uk': 'Daily Mail',
  'mirror.co.uk': 'Daily Mirror',
  'thesun.co.uk': 'The Sun',
  'express.co.uk': 'Daily Express',
  'standard.co.uk': 'Evening Standard',
  'inews.co.uk': 'The i Paper',
  'ft.com': 'Financial Times',
  'economist.com': 'The Economist',
  'news.sky.com': 'Sky News',
  'sky.com': 'Sky News',
  'itv.com': 'ITV News',
  'channel4.com': 'Channel 4 News',
  'newstatesman.com': 'New Statesman',
  'spectator.co.uk': 'The Spectator',
  'huffingtonpost.co.uk': 'HuffPost UK',
  'scotsman.com': 'The Scotsman',
  'heraldscotland.com': 'The Herald',
  'walesonline.co.uk': 'WalesOnline',
  'belfasttelegraph.co.uk': 'Belfast Telegraph',
  'manchestereveningnews.co.uk': 'Manchester Evening News',
  'theconversation.com': 'The Conversation',
  'pressgazette.co.uk': 'Press Gazette',
  'reuters.com': 'Reuters',
  'apnews.com': 'AP News',
  'afp.com': 'AFP',
  'bloomberg.com': 'Bloomberg',
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'wsj.com': 'The Wall Street Journal',
  'usatoday.com': 'USA Today',
  'latimes.com': 'Los Angeles Times',
  'cnn.com': 'CNN',
  'nbcnews.com': 'NBC News',
  'cbsnews.com': 'CBS News',
  'abcnews.go.com': 'ABC News',
  'foxnews.com': 'Fox News',
  'npr.org': 'NPR',
  'politico.com': 'Politico',
  'politico.eu': 'Politico Europe',
  'axios.com': 'Axios',
  'theatlantic.com': 'The Atlantic',
  'newyorker.com': 'The New Yorker',
  'time.com': 'Time',
  'newsweek.com': 'Newsweek',
  'huffpost.com': 'HuffPost',
  'vox.com': 'Vox',
  'aljazeera.com': 'Al Jazeera',
  'irishtimes.com': 'The Irish Times',
  'independent.ie': 'Irish Independent',
  'rte.ie': 'RTÉ',
  'lemonde.fr': 'Le Monde',
  'lefigaro.fr': 'Le Figaro',
  'liberation.fr': 'Libération',
  'france24.com': 'France 24',
  'spiegel.de': 'Der Spiegel',
  'faz.net': 'Frankfurter Allgemeine Zeitung',
  'sueddeutsche.de': 'Süddeutsche Zeitung',
  'zeit.de': 'Die Zeit',
  'dw.com': 'DW',
  'elpais.com': 'El País',
  'elmundo.es': 'El Mundo',
  'corriere.it': 'Corriere della Sera',
  'repubblica.it': 'la Repubblica',
  'nrc.nl': 'NRC',
  'euronews.com': 'Euronews',
  'euobserver.com': 'EUobserver',
  'kyivindependent.com': 'The Kyiv Independent',
  'pravda.com.ua': 'Ukrainska Pravda',
  'themoscowtimes.com': 'The Moscow Times'
}

/** News agencies by the name or code a dateline gives them in brackets: "LONDON (Reuters) -". */
export const AGENCIES: Readonly<Record<string, string>> = {
  Reuters: 'Reuters',
  'Thomson Reuters': 'Reuters',
  AP: 'Associated Press',
  'Associated Press': 'Associated Press',
  AFP: 'AFP',
  'Agence France-Presse': 'AFP',
  PA: 'PA Media',
  'PA Media': 'PA Media',
  'PA Wire': 'PA Media',
  'Press Association': 'PA Media',
  Bloomberg: 'Bloomberg',
  'Bloomberg News': 'Bloomberg',
  dpa: 'dpa',
  ANSA: 'ANSA',
  EFE: 'EFE',
  'Europa Press': 'Europa Press',
  UPI: 'UPI',
  AAP: 'AAP',
  CP: 'The Canadian Press',
  'Canadian Press': 'The Canadian Press',
  Xinhua: 'Xinhua',
  Kyodo: 'Kyodo News',
  Yonhap: 'Yonhap',
  PTI: 'PTI',
  IANS: 'IANS',
  ANI: 'ANI',
  Interfax: 'Interfax',
  TASS: 'TASS',
  Ukrinform: 'Ukrinform',
  Anadolu: 'Anadolu Agency',
  Lusa: 'Lusa',
  ANP: 'ANP',
  Belga: 'Belga',
  APA: 'APA',
  NTB: 'NTB',
  Ritzau: 'Ritzau',
  PAP: 'PAP',
  ČTK: 'ČTK',
  MTI: 'MTI',
  BTA: 'BTA',
  Agerpres: 'Agerpres',
  KUNA: 'KUNA',
  WAFA: 'WAFA',
  IRNA: 'IRNA',
  Bernama: 'Bernama',
  Antara: 'Antara'
}

const AGENCIES_BY_LOWER_CASE = new Map(
  Object.entries(AGENCIES).map(([name, outlet]) => [name.toLowerCase(), outlet])
)

/** The outlet a news agency's dateline name or code stands for ("AP" → "Associated Press"), or null. */
export function agencyOutlet(code: string): string | null {
  return AGENCIES_BY_LOWER_CASE.get(code.trim().toLowerCase()) ?? null
}

const TWO_LEVEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'ltd.uk',
  'me.uk',
  'com.au',
  'net.au',
  'co.nz',
  'co.za',
  'com.ua',
  'co.in',
  'com.br',
  'co.jp'
])

const WEBMAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.co.uk',
  'outlook.com',
  'live.com',
  'live.co.uk',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'icloud.com',
  'me.com',
  'aol.com',
  'protonmail.com',
  'proton.me',
  'gmx.com',
  'gmx.de',
  'btinternet.com',
  'mail.com'
])

/** A host name lower-cased, without a trailing dot or a `www.`/`m.`/`amp.` prefix. */
export function normaliseHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^(?:www\d?|m|amp|mobile)\./, '')
}

/** The outlet a host belongs to from the table of well-known outlets, or null. */
export function knownOutletForHost(host: string): string | null {
  const labels = normaliseHost(host).split('.')
  for (let index = 0; index < labels.length - 1; index++) {
    const outlet = OUTLET_DOMAINS[labels.slice(index).join('.')]
    if (outlet) return outlet
  }
  return null
}

/** Whether a domain belongs to a personal webmail provider (never an outlet). */
export function isWebmailDomain(host: string): boolean {
  return WEBMAIL_DOMAINS.has(normaliseHost(host))
}

/**
 * The outlet for a host: the well-known table first, else the host's own name capitalised
 * ("example-news.co.uk" → "Example News"); null for webmail, government and bare IP hosts.
 */
export function outletForHost(host: string): string | null {
  const known = knownOutletForHost(host)
  if (known) return known
  const normal = normaliseHost(host)
  if (isWebmailDomain(normal) || /^[\d.]+$/.test(normal) || !normal.includes('.')) return null
  const labels = normal.split('.')
  const suffixLength = TWO_LEVEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 2 : 1
  if (labels.slice(-suffixLength).join('.') === 'gov.uk' || labels.at(-1) === 'gov') return null
  const name = labels[labels.length - suffixLength - 1]
  if (!name) return null
  return name
    .split('-')
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
}
