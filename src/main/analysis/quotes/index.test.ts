import { describe, expect, it } from 'vitest'
import { attributeQuotes } from './index'

const BRITISH = [
  'Truss vows to ‘tighten the vice’ on Moscow',
  '',
  'By Jane Reporter, Political Correspondent',
  '',
  'UK Foreign Secretary Liz Truss has said Britain will keep up the pressure on the Kremlin.',
  '',
  'In a video address, she said: ‘We will not stand by while the Ukrainians’ cities are shelled. This is not the ’90s any more.’',
  '',
  'Prime Minister Boris Johnson told The Times that the sanctions were working. ‘They are biting,’ Mr Johnson said. ‘Ukraine’s courage doesn’t waver.’',
  '',
  'The Prime Minister added at a press conference:',
  '',
  '‘We are going to keep going.',
  '',
  '‘We will give Ukraine the weapons it needs.',
  '',
  '‘And we will not rest until the invasion fails.’',
  '',
  'Dr Sarah Hale, a historian at King’s College London, said the ‘rock ’n’ roll diplomacy’ of the past was over.',
  '',
  'Contact the newsroom: ‘Tips’ go to news@example.co.uk'
].join('\n')

function expectedSpan(body: string, text: string): { start: number; end: number } {
  const start = body.indexOf(text)
  return { start, end: start + text.length }
}

describe('attributeQuotes on a British-style article', () => {
  const footerStart = BRITISH.indexOf('Contact the newsroom')
  const result = attributeQuotes(BRITISH, {
    boilerplate: [{ start: footerStart, end: BRITISH.length, text: BRITISH.slice(footerStart) }]
  })
  const summary = result.quotes.map((q) => ({
    start: q.start,
    end: q.end,
    speaker: q.speaker
  }))

  it('finds every quote with its exact span and speaker, and nothing in the footer', () => {
    const threeParagraphs = BRITISH.slice(
      BRITISH.indexOf('We are going'),
      BRITISH.indexOf('invasion fails.') + 'invasion fails.'.length
    )
    expect(summary).toEqual([
      { ...expectedSpan(BRITISH, 'tighten the vice'), speaker: 'Liz Truss' },
      {
        ...expectedSpan(
          BRITISH,
          'We will not stand by while the Ukrainians’ cities are shelled. This is not the ’90s any more.'
        ),
        speaker: 'Liz Truss'
      },
      { ...expectedSpan(BRITISH, 'They are biting,'), speaker: 'Boris Johnson' },
      { ...expectedSpan(BRITISH, 'Ukraine’s courage doesn’t waver.'), speaker: 'Boris Johnson' },
      { ...expectedSpan(BRITISH, threeParagraphs), speaker: 'Boris Johnson' },
      { ...expectedSpan(BRITISH, 'rock ’n’ roll diplomacy'), speaker: 'Sarah Hale' }
    ])
  })

  it('keeps text equal to the body slice, quote marks excluded', () => {
    for (const quote of result.quotes) {
      expect(quote.text).toBe(BRITISH.slice(quote.start, quote.end))
      expect(quote.text).not.toMatch(/^[‘“'"]|[’”'"]$/u)
    }
  })

  it('keeps roles and venues and tells partial quotes from direct ones', () => {
    const [headline, address, , , conference, partial] = result.quotes
    expect(headline.kind).toBe('partial')
    expect(address).toMatchObject({ kind: 'direct', venue: 'a video address' })
    expect(conference).toMatchObject({ kind: 'direct', venue: 'a press conference' })
    expect(partial).toMatchObject({ kind: 'partial', role: 'historian at King’s College London' })
    const truss = result.speakers.find((s) => s.name === 'Liz Truss')
    expect(truss?.role).toBe('UK Foreign Secretary')
    const johnson = result.speakers.find((s) => s.name === 'Boris Johnson')
    expect(johnson?.aliases).toContain('Mr Johnson')
  })
})

describe('attributeQuotes on American-style marks', () => {
  it('attributes said-after, said-before and according-to quotes, and resolves "he"', () => {
    const body = [
      'Senator Tom Baker spoke in Ohio on Monday.',
      '',
      '"We will win this state," Baker said. "Nobody doubts it."',
      '',
      'According to the Ohio Herald, "the crowd was the largest of the year."',
      '',
      '“It was a good day,” he told reporters.'
    ].join('\n')
    const { quotes } = attributeQuotes(body)
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['We will win this state,', 'Tom Baker'],
      ['Nobody doubts it.', 'Tom Baker'],
      ['the crowd was the largest of the year.', 'Ohio Herald'],
      ['It was a good day,', 'Tom Baker']
    ])
  })

  it('gives speaker null rather than a guess when nobody is named', () => {
    const { quotes } = attributeQuotes('The sign read: "Closed for the season, see you in spring."')
    expect(quotes).toHaveLength(1)
    expect(quotes[0].speaker).toBeNull()
  })

  it('lowers the confidence of a quote whose closing mark is missing, and warns', () => {
    const body = 'Ann Lee said: "We are done here.\n\nThe meeting ended.'
    const { quotes, warnings } = attributeQuotes(body)
    expect(quotes).toHaveLength(1)
    expect(quotes[0].text).toBe('We are done here.')
    expect(quotes[0].confidence).toBeLessThan(0.6)
    expect(warnings.length).toBeGreaterThan(0)
  })

  it('does not propose titles after a possessive or markup attributes', () => {
    const body =
      'He appeared on the Dayton Ledger’s “Morning Round” on Sunday.\n\n<tweet author="@someone">Hello</tweet>'
    expect(attributeQuotes(body).quotes).toEqual([])
  })

  it('is deterministic', () => {
    expect(attributeQuotes(BRITISH)).toEqual(attributeQuotes(BRITISH))
  })
})

describe('attributeQuotes on long pastes', () => {
  const ARTICLE = [
    'Mayor Helen Ortiz opened the new bridge on Friday, joined by Governor Paul Hardy.',
    '',
    '"This bridge took ten years," she said. "It was worth every day."',
    '',
    'Hardy praised the builders. "They finished early," he told reporters.',
    '',
    'The mayor later added: "Traffic will ease by spring."',
    '',
    '"We will watch the costs closely," the governor said.'
  ].join('\n')

  it('gives every copy of an article repeated far past the look-back window the same speakers', () => {
    const single = attributeQuotes(ARTICLE).quotes
    expect(single.map((q) => q.speaker)).toEqual([
      'Helen Ortiz',
      'Helen Ortiz',
      'Paul Hardy',
      'Helen Ortiz',
      'Paul Hardy'
    ])
    const copies = 400
    const long = Array.from({ length: copies }, () => ARTICLE).join('\n\n')
    const quotes = attributeQuotes(long).quotes
    expect(quotes).toHaveLength(single.length * copies)
    const shift = ARTICLE.length + 2
    quotes.forEach((quote, k) => {
      const original = single[k % single.length]
      const offset = Math.floor(k / single.length) * shift
      expect({ ...quote, start: quote.start - offset, end: quote.end - offset }).toEqual(original)
    })
  })

  it('reports at most a bounded number of unmatched-mark warnings', () => {
    const { warnings } = attributeQuotes('"word '.repeat(5000))
    expect(warnings.length).toBeLessThanOrEqual(51)
    expect(warnings[warnings.length - 1]).toMatch(/^\d+ more quotation marks did not pair up\.$/)
  })
})

describe('attributeQuotes attribution rules', () => {
  const speakerOf = (body: string, quote: string): string | null | undefined =>
    attributeQuotes(body).quotes.find((q) => q.text === quote)?.speaker

  it('carries the speaker past a quote that ran over several paragraphs', () => {
    const body = [
      'Mayor Ann Lee spoke at the opening.',
      '',
      '"The first stage is done.',
      '',
      '"The second starts in May.',
      '',
      '"The third follows in the autumn.',
      '',
      '"The last one will take longer," Lee continued.',
      '',
      '"Nobody will be moved out."'
    ].join('\n')
    expect(speakerOf(body, 'Nobody will be moved out.')).toBe('Ann Lee')
  })

  it('reads a name that opens the clause before a long apposition', () => {
    const body = '"We will appeal," Dean Cole, a farmer from Ames, Iowa, said on Monday.'
    expect(speakerOf(body, 'We will appeal,')).toBe('Dean Cole')
    const unclosed =
      'Ann Lee, head of the county party said in a statement: "We will appeal the ruling."'
    expect(speakerOf(unclosed, 'We will appeal the ruling.')).toBe('Ann Lee')
  })

  it('reads an attribution that closes the sentence after other words', () => {
    const warned = '"The plan will fail" unless the council acts, Ann Lee warned on Monday.'
    expect(speakerOf(warned, 'The plan will fail')).toBe('Ann Lee')
    const said = '"We are thrilled" about the vote, said Tom Hale, a city council member.'
    expect(speakerOf(said, 'We are thrilled')).toBe('Tom Hale')
    const as = 'The race is now "a dead heat," as Tom Hale said on the radio.'
    expect(speakerOf(as, 'a dead heat,')).toBe('Tom Hale')
  })

  it('gives every quote in a sentence the attribution that ends it', () => {
    const body = 'Her plan will bring "real relief" and "lower bills" to families, Ann Lee said.'
    expect(attributeQuotes(body).quotes.map((q) => q.speaker)).toEqual(['Ann Lee', 'Ann Lee'])
  })

  it('reads a quote that opens its own sentence after "X said in a statement."', () => {
    const body = 'Tom Hale, the county clerk, said in a statement. "No ballots were lost."'
    expect(speakerOf(body, 'No ballots were lost.')).toBe('Tom Hale')
  })

  it('gives the outer speaker of "adding" and of a pronoun inside reported speech', () => {
    const adding = 'Tom Hale said the vote was fair, adding that the count was "beyond doubt."'
    expect(speakerOf(adding, 'beyond doubt.')).toBe('Tom Hale')
    const nested =
      'Pat Byrne said that Tom Hale had lost and that he would argue the count was "deeply flawed."'
    expect(speakerOf(nested, 'deeply flawed.')).toBe('Pat Byrne')
  })

  it('prefers a name before the quote to a pronoun after it', () => {
    const body =
      'Mary Stone left early. Asked about the delay, Lee said "it was unavoidable," she said.'
    expect(speakerOf(body, 'it was unavoidable,')).toBe('Lee')
  })

  it('does not read "press" in "press secretary" as a speech verb', () => {
    const body = '"We will not comment," White House press secretary Tom Hale told reporters.'
    expect(speakerOf(body, 'We will not comment,')).toBe('Tom Hale')
  })

  it('reads a role described by lower-case words before the name', () => {
    const body = '"It was close," said Republican political consultant Tom Hale.'
    expect(speakerOf(body, 'It was close,')).toBe('Tom Hale')
  })

  it('skips an introductory adverb and refuses a common word as a speaker', () => {
    const adverb = 'Clearly, Tom Hale thinks the plan is "a mistake."'
    expect(speakerOf(adverb, 'a mistake.')).toBe('Tom Hale')
    const common = 'Guns are "a public health crisis." Many guns are sold at fairs.'
    expect(speakerOf(common, 'a public health crisis.')).toBeNull()
  })
})

describe('attributeQuotes attribution rules for openings and participles', () => {
  const speakerOf = (body: string, quote: string): string | null | undefined =>
    attributeQuotes(body).quotes.find((q) => q.text === quote)?.speaker

  it('reads a speaker whose party tag is followed by a comma', () => {
    const body =
      'On Tuesday in Dayton, after winning the state, Gov. Ann Lee (D-Ohio), said, "We did it."'
    expect(speakerOf(body, 'We did it.')).toBe('Ann Lee')
  })

  it('gives ", saying …" after a quote to the subject of the sentence', () => {
    const body =
      'Tom Hale defended "small-town values," saying the town embodied "the best of the state."'
    expect(attributeQuotes(body).quotes.map((q) => q.speaker)).toEqual(['Tom Hale', 'Tom Hale'])
  })

  it('skips an opening phrase such as "Like X," to find the subject', () => {
    const body = 'Like Ann Lee, Tom Hale rejected the plan, arguing there was "no money for it."'
    expect(speakerOf(body, 'no money for it.')).toBe('Tom Hale')
  })

  it('reads a speaker whose town and state follow the name', () => {
    expect(
      speakerOf('Dana Reyes of Fresno, California says it is “a fine start.”', 'a fine start.')
    ).toBe('Dana Reyes')
    const apposed = 'Dana Reyes of Fresno, California, said the plan was “a fine start.”'
    expect(speakerOf(apposed, 'a fine start.')).toBe('Dana Reyes')
  })

  it('skips the state after an opening "in Town, State," to find the subject', () => {
    const body =
      'Speaking at a diner in Dayton, Ohio, Mark Fell went after his rival, calling him “a fraud.”'
    expect(speakerOf(body, 'a fraud.')).toBe('Mark Fell')
  })

  it('gives a quote to the subject of "with X shouting:"', () => {
    const body = 'Ann Lee spoke first. The crowd booed, with Mark Fell shouting: “Get out of here!”'
    expect(speakerOf(body, 'Get out of here!')).toBe('Mark Fell')
  })

  it('reads "went on" and "shot back" as speech, but not "went on the radio"', () => {
    expect(speakerOf('“Not yet,” Mark Fell shot back with a grin.', 'Not yet,')).toBe('Mark Fell')
    expect(speakerOf('“Not yet,” Mark Fell went on.', 'Not yet,')).toBe('Mark Fell')
    expect(speakerOf('“Not yet,” Mark Fell went on the radio.', 'Not yet,')).toBeNull()
  })

  it('drops a short title-case phrase nobody says, but keeps one a speaker says', () => {
    const body = 'Fans wore “Vote Early” hats. The mood was “electric.”'
    expect(attributeQuotes(body).quotes.map((q) => q.text)).toEqual(['electric.'])
    expect(speakerOf('“Vote Early,” Ann Lee said.', 'Vote Early,')).toBe('Ann Lee')
  })

  it('reads "admitted" and "referred to" as speech verbs', () => {
    const body = 'Although Tom Hale admitted to the paper that he had “made mistakes,” he stayed.'
    expect(speakerOf(body, 'made mistakes,')).toBe('Tom Hale')
    const referred = 'On Monday, Tom Hale referred to his rival as “a bright leader” in a speech.'
    expect(speakerOf(referred, 'a bright leader')).toBe('Tom Hale')
  })

  it('does not take the state in "Democrat of North Dakota" for the speaker', () => {
    const body =
      'Leaving the hall, Mayor Ann Bell Tate, Democrat of North Dakota, called over her shoulder, "This is not helping."'
    expect(speakerOf(body, 'This is not helping.')).toBe('Ann Bell Tate')
  })

  it('reads a role made of two nouns before a name', () => {
    const body = '"Prices will fall," Acme Funds portfolio manager Rita Moss said on Monday.'
    expect(speakerOf(body, 'Prices will fall,')).toBe('Rita Moss')
  })

  it('gives a quote after "…surprise pollster Ann Lee:" to the named person', () => {
    const body = 'The rise does not surprise Acme pollster Ann Lee: “Outsiders often gain early.”'
    expect(speakerOf(body, 'Outsiders often gain early.')).toBe('Ann Lee')
  })

  it('names the person, not her employer, in "The Ledger’s Ann Lee"', () => {
    const body = '“Prices will fall,” The Ledger’s Ann Lee wrote on Monday.'
    expect(speakerOf(body, 'Prices will fall,')).toBe('Ann Lee')
  })

  it('never gives a sentence opener such as "Instead" as the speaker', () => {
    const body = 'Instead, the leaflet spoke of letting residents “choose.”'
    expect(speakerOf(body, 'choose.')).toBeNull()
  })

  it('does not read "private email servers" as someone emailing', () => {
    const body =
      'On Friday, Agency Director Ann Lee called his habit of using private email servers “reckless.”'
    expect(speakerOf(body, 'reckless.')).toBe('Ann Lee')
  })

  it('resolves "He’s claiming" like "he"', () => {
    const body = '“We will win,” Tom Hale said.\n\nHe’s claiming that fraud is “a big problem.”'
    expect(speakerOf(body, 'a big problem.')).toBe('Tom Hale')
  })

  it('does not read "Lee’s mental state is" as Lee stating something', () => {
    const body = 'President Ann Lee said Tom Hale’s mental state is “unstable.”'
    expect(speakerOf(body, 'unstable.')).toBe('Ann Lee')
  })

  it('names the person, not the place, in "Sen. Ann Ortega of New Mexico"', () => {
    const body = [
      '“We will fight on,” said Sen. Ann Ortega of New Mexico, who backs the plan.',
      '',
      '“It is a good day,” Sen. Paul Lund of Maryland said.',
      '',
      '“No,” Secretary of State Ruth Calder said.'
    ].join('\n')
    const quotes = attributeQuotes(body).quotes
    expect(quotes.map((q) => [q.speaker, q.role])).toEqual([
      ['Ann Ortega', 'Sen.'],
      ['Paul Lund', 'Sen.'],
      ['Ruth Calder', 'Secretary of State']
    ])
  })

  it('gives a quote after a long "X recalled how…" sentence to X', () => {
    const body = [
      'The town grew quickly.',
      '',
      'Omar Reyes recalled how on his first night in the city he had seen nothing but empty roads and closed shops. “I thought, where have I come to?”'
    ].join('\n')
    expect(speakerOf(body, 'I thought, where have I come to?')).toBe('Omar Reyes')
  })

  it('reads the subject after an opening "But" for a participle cue', () => {
    const body =
      'But Sen. Ann Ortega refused to discuss the plan, responding that she is “not going to talk about that.”'
    expect(speakerOf(body, 'not going to talk about that.')).toBe('Ann Ortega')
  })
})

describe('attributeQuotes: subjects, datelines and descriptions', () => {
  const speakerOf = (body: string, text: string): string | null | undefined =>
    attributeQuotes(body).quotes.find((q) => q.text === text)?.speaker

  it('does not take the object of a verb after a quote for its speaker', () => {
    const body =
      'Tom Hale, who once called the plan “a slow disaster,” clearly wanted the Dayton crowd to “look again” at it.'
    expect(speakerOf(body, 'a slow disaster,')).toBe('Tom Hale')
    const beamed = '“This is wonderful!” beamed Ann Lee of Ames, Iowa, who had waited all day.'
    expect(speakerOf(beamed, 'This is wonderful!')).toBe('Ann Lee')
  })

  it('reads a name after a place and lower-case role words', () => {
    const body =
      '“The vote was never close,” said Ohio ranking Democrat Ann Ortega. “We will try again.”'
    expect(speakerOf(body, 'The vote was never close,')).toBe('Ann Ortega')
  })

  it('never gives a lone article such as "The" as the speaker', () => {
    const body =
      'Ann Lee wrote to staff on Monday.\n\nThe email then adds: “We are closing the office.”'
    expect(speakerOf(body, 'We are closing the office.')).not.toBe('The')
  })

  it('skips a dateline to find the subject of the first sentence', () => {
    const body = 'DAYTON, Ohio — Sen. Ann Ortega on Tuesday likened the bill to “a blank cheque.”'
    expect(speakerOf(body, 'a blank cheque.')).toBe('Ann Ortega')
  })

  it('gives "he" to the named subject of its sentence before a later name', () => {
    const body =
      'Tom Hale spoke first.\n\nOmar Reyes, who had studied the plan, drew Tom Hale’s anger when he told the Ledger: “It will fail.”'
    expect(speakerOf(body, 'It will fail.')).toBe('Omar Reyes')
  })

  it('gives a quote introduced by "X verb:" to X when the verb reports no speech', () => {
    const body = '“Act now,” said Tom Hale. Governor Ann Ortega resisted: “I cannot do that.”'
    expect(speakerOf(body, 'I cannot do that.')).toBe('Ann Ortega')
  })
})

describe('attributeQuotes: signatures and affiliations', () => {
  const speakers = (body: string): (string | null)[] =>
    attributeQuotes(body).quotes.map((q) => q.speaker)

  it('reads the name signed after a dash, line by line', () => {
    const body = [
      'We asked readers what the closure means to them.',
      '',
      '“The library was where I learned to read.” ― Maya Okafor',
      '“We will drive an hour now for a book.”\u00a0― Tom Brennan\u00a0',
      '“Nobody asked us.”',
      '– Ruth Adler.'
    ].join('\n')
    expect(speakers(body)).toEqual(['Maya Okafor', 'Tom Brennan', 'Ruth Adler'])
  })

  it('names the person, not the employer, in "X for Y" and "Mr. X of the Y"', () => {
    expect(speakers('“Turnout will be low,” wrote Ann Lee for Acme Polling.')).toEqual(['Ann Lee'])
    expect(
      speakers('“It was the best of poor choices,” Mr. Lund of the River Trust said.')
    ).toEqual(['Lund'])
  })

  it('reads "Del." as a title', () => {
    const quote = attributeQuotes('“We are going round in circles,” said Del. Mara Quinn.')
      .quotes[0]
    expect([quote.speaker, quote.role]).toEqual(['Mara Quinn', 'Del.'])
  })
})

describe('attributeQuotes: nouns, reporters and owners of claims', () => {
  const speakerOf = (body: string, text: string): string | null | undefined =>
    attributeQuotes(body).quotes.find((q) => q.text === text)?.speaker

  it('reads "message" after an adjective and "claims" after "of" as nouns', () => {
    const body = 'Mayor Ann Lee has a blunt radio message for voters: “This is about me.”'
    expect(speakerOf(body, 'This is about me.')).toBe('Ann Lee')
    const claims =
      'The Ledger Check rated 30% of Westfield claims as “false” in its review of the campaign.'
    expect(speakerOf(claims, 'false')).not.toBe('of Westfield')
  })

  it('reads a party tag set before an apposition', () => {
    const body = '“We will appeal,” Rep. Ann Lee (R-Ohio), a panel member, said in an interview.'
    expect(speakerOf(body, 'We will appeal,')).toBe('Ann Lee')
  })

  it('gives the quote in a "that" clause to the person who reported it', () => {
    const body =
      'Tom Hale said during a rally in Dayton that Ann Lee once called the treaty “a model for everyone” in her speeches.'
    expect(speakerOf(body, 'a model for everyone')).toBe('Tom Hale')
  })

  it('gives "X’s claim that “…”" to X', () => {
    const body =
      'The Ledger Check looked into Tom Hale’s claim that there had been “thousands of break-ins” this year.'
    expect(speakerOf(body, 'thousands of break-ins')).toBe('Tom Hale')
  })
  it('reads the name set off after a description as the subject', () => {
    const body =
      'Critics were quick to respond.\n\nAnother critic, Ann Lee, likened the rules to “tearing up the charter” in a long post.'
    expect(speakerOf(body, 'tearing up the charter')).toBe('Ann Lee')
  })
  it('reads the name after a longer description before a speech verb', () => {
    const body =
      'Delegates met in the annexe.\n\nAnother delegate on the harbour slate, Ivo Brandt, said he was only “leaning north.”'
    expect(speakerOf(body, 'leaning north.')).toBe('Ivo Brandt')
    const list =
      'The band, playing songs by Salt Road and Mina Lowe, added “Harbour Lights” to the set.'
    expect(speakerOf(list, 'Harbour Lights')).not.toBe('Mina Lowe')
  })
  it('finds the subject after "And then" and after two introductory phrases', () => {
    const attack =
      'Mayor Ann Hale spoke after the storm. And then Hale went on the attack, saying, "Will the governor admit this?"'
    expect(speakerOf(attack, 'Will the governor admit this?')).toBe('Ann Hale')
    const endorsement =
      'Senator Rosa Quint stayed quiet for months.\n\nOn Thursday, after staying neutral all spring, Quint appeared on a radio show and endorsed Lee, saying, “A fighter is what we need.”'
    expect(speakerOf(endorsement, 'A fighter is what we need.')).toBe('Rosa Quint')
  })
  it('gives a phrase quoted in a clause reported after "said" to the one who said it', () => {
    const body =
      'Hillary Lane met the caucus on Wednesday.\n\nRep. Sam Ridge (D-N.Y.) said Lane urged the group to stay “tightly in step.” She added that the vote “turns on housing” in the end.'
    expect(speakerOf(body, 'tightly in step.')).toBe('Sam Ridge')
    expect(speakerOf(body, 'turns on housing')).toBe('Hillary Lane')
  })
  it('reads the subject of "with Lee telling …" and skips a wire dateline in ordinary case', () => {
    const absolute =
      'The row about the flood defences rumbled on, with Senator Ada Marsh telling reporters she saw the agency as “squarely to blame” for the delay.'
    expect(speakerOf(absolute, 'squarely to blame')).toBe('Ada Marsh')
    const wire =
      'Lisbon (AFP) – Finance minister Rui Costa has rejected the plan, saying that “careless promises” cost money.'
    expect(speakerOf(wire, 'careless promises')).toBe('Rui Costa')
  })
  it('reads "the ad claims" as the ad saying something', () => {
    const body =
      'The committee released a new advert.\n\nThe ad claims “Lee is the candidate you can trust.”'
    expect(speakerOf(body, 'Lee is the candidate you can trust.')).toBe('The ad')
  })
  it('knows a first name from the lexicon, so "she" finds the woman named before', () => {
    const body = [
      'Mayor Tom Hale took questions in the hall on Monday.',
      '',
      'At the back of the room, Dolores Brandt had a question for the mayor.',
      '',
      '“My shop has flooded twice this year,” she said. “Who pays for that?”'
    ].join('\n')
    expect(speakerOf(body, 'Who pays for that?')).toBe('Dolores Brandt')
  })
  it('takes a relative who shares a surname for a person of their own', () => {
    const body = [
      'Officers stopped Daniel James Okoro on Tuesday. A video shows an officer walking towards Okoro.',
      'Ifeoma Okoro can be heard telling them that her husband is unarmed.',
      '',
      '“He has nothing in his hands,” she says.'
    ].join(' ')
    expect(speakerOf(body, 'He has nothing in his hands,')).toBe('Ifeoma Okoro')
  })
})

describe('attributeQuotes on British and Irish naming', () => {
  const speakers = (body: string): (string | null)[] =>
    attributeQuotes(body).quotes.map((quote) => quote.speaker)

  it('tells apart a husband and wife who share a surname by Mr and Mrs', () => {
    const body = [
      'Skipper Tomas Rennie, 61, said the sale was the hardest thing he had done.',
      '',
      '"We held on as long as we could," said Mr Rennie.',
      '',
      'His wife, Isla Rennie, 58, ran the harbour café.',
      '',
      '"It felt like a wake," said Mrs Rennie.',
      '',
      '"Nobody else would take her," Mr Rennie added.'
    ].join('\n')
    expect(speakers(body)).toEqual(['Tomas Rennie', 'Isla Rennie', 'Tomas Rennie'])
    expect(attributeQuotes(body).quotes[0].role).toBe('Skipper')
  })

  it('reads Sir with a first name, Prof with a surname, and titles such as Taoiseach', () => {
    const body = [
      'Sir Keir Dunmore chairs the committee. Sir Keir said: ‘We were misled.’',
      '',
      'Prof Helen Strachan led the study. ‘It is not close,’ said Prof Strachan.',
      '',
      'Taoiseach Colm Brannigan said the waits were ‘far too long’.'
    ].join('\n')
    expect(speakers(body)).toEqual(['Keir Dunmore', 'Helen Strachan', 'Colm Brannigan'])
    expect(attributeQuotes(body).quotes[2].role).toBe('Taoiseach')
  })

  it('takes the name after "the Conservative MP for Wealdon," not the constituency', () => {
    const body = 'The Conservative MP for Wealdon, Simon Pryde, said the plan was ‘a shambles’.'
    const [quote] = attributeQuotes(body).quotes
    expect(quote.speaker).toBe('Simon Pryde')
    expect(quote.role).toBe('Conservative MP for Wealdon')
  })

  it('gives "he" to the person just introduced, even with a first name no list knows', () => {
    const body = [
      'Sir Keir Dunmore chairs the committee.',
      '',
      'Aled Pugh, a dentist in Bangor, said the list was long.',
      '',
      '"I have 1,400 children waiting," he said.'
    ].join('\n')
    expect(speakers(body)).toEqual(['Aled Pugh'])
  })

  it('finds a woman whose first name only the lexicon knows for "she"', () => {
    const body =
      'Gemma Whitlock set up a support group.\n\nNadia Price said homeowners should not pay.\n\n‘Walk away,’ she said.'
    expect(speakers(body)).toEqual(['Nadia Price'])
  })

  it('does not take a sentence opener and a surname for a relative ("What Rowe wants")', () => {
    const body =
      'Senator Bernard Rowe spoke in Leeds. What Rowe wants is a vote.\n\n“We will win this,” said Rowe.'
    expect(speakers(body)).toEqual(['Bernard Rowe'])
  })
})

describe('attributeQuotes on organisations', () => {
  it('keeps a body named "of" or "for" something whole, "and" included', () => {
    const body = [
      'The Department of Transport and Coastal Works said in a statement: ‘We are committed.’',
      '',
      'The Institute for Harbour Studies said: ‘The figures are clear.’',
      '',
      'Ann Lee and Bob Hale said: ‘We agree.’'
    ].join('\n')
    expect(attributeQuotes(body).quotes.map((q) => q.speaker)).toEqual([
      'Department of Transport and Coastal Works',
      'Institute for Harbour Studies',
      'Bob Hale'
    ])
  })
})

describe('attributeQuotes on families, split quotes and heckles', () => {
  it('names a relative given by first name alone with the family name', () => {
    const body = [
      'Gemma Hollis, 34, and her husband Craig, 36, paid the deposit last spring.',
      '',
      'Craig, a lorry driver, said he had taken extra shifts.',
      '',
      '‘I’m doing 60 hours a week,’ he said.',
      '',
      '‘We trusted him,’ Gemma said.'
    ].join('\n')
    expect(attributeQuotes(body).quotes.map((q) => q.speaker)).toEqual([
      'Craig Hollis',
      'Gemma Hollis'
    ])
  })

  it('keeps the second half of a split quote direct', () => {
    const body = '"The answer," he said, "is not to close the roads but to fix the buses."'
    expect(attributeQuotes(body).quotes.map((q) => q.kind)).toEqual(['direct', 'direct'])
  })

  it('closes a quote at a plural ending before a function word', () => {
    const body =
      'Mr Rudd said his client had ‘made mistakes’ with the card. ‘Generosity is no crime,’ he said.'
    expect(attributeQuotes(body).quotes.map((q) => q.text)).toEqual([
      'made mistakes',
      'Generosity is no crime,'
    ])
  })

  it('keeps a one-word exclamation as a quote', () => {
    const body = 'Cries of ‘Resign!’ came from the opposition benches.'
    expect(attributeQuotes(body).quotes.map((q) => q.text)).toEqual(['Resign!'])
  })
})

describe('attributeQuotes on roles given in passing', () => {
  it('learns a role from an apposition and resolves "the chancellor" by it', () => {
    const body = [
      'The chancellor, Dan Reith, rose at half past twelve.',
      '',
      'Ruth Abernethy, an entomologist at Riverina University, said conditions were ideal.',
      '',
      '‘It is a perfect storm,’ Dr Abernethy said.',
      '',
      'The chancellor insisted the plan was ‘fully costed’.'
    ].join('\n')
    const quotes = attributeQuotes(body).quotes
    expect(quotes.map((q) => [q.speaker, q.role])).toEqual([
      ['Ruth Abernethy', 'entomologist at Riverina University'],
      ['Dan Reith', 'chancellor']
    ])
  })

  it('does not take "the book" for the author of the book', () => {
    const body = [
      'Mitch Zeller, the author of the book, spoke on Monday.',
      '',
      'The book accuses the station chief of treating guards like “hired help.”'
    ].join('\n')
    expect(attributeQuotes(body).quotes[0].speaker).not.toBe('Mitch Zeller')
  })

  it('keeps the description before a name as the role', () => {
    const body =
      'The union objected. Its regional organiser, Gareth Price, said in a statement that the union would "fight every closure" in court.'
    const [quote] = attributeQuotes(body).quotes
    expect([quote.speaker, quote.role, quote.venue]).toEqual([
      'Gareth Price',
      'regional organiser',
      'a statement'
    ])
  })
})

describe('attributeQuotes on descriptions and the sentence before a quote', () => {
  const speakers = (body: string): (string | null)[] =>
    attributeQuotes(body).quotes.map((quote) => quote.speaker)

  it('gives "the grandad said" to the man just named, not the woman', () => {
    const body = [
      'Denise Harker had searched for months.',
      '',
      'Retired postman Colin Oyelaran, 70, found the tortoise in his greenhouse.',
      '',
      '"I thought it was a rock at first," the grandad said.'
    ].join('\n')
    expect(speakers(body)).toEqual(['Colin Oyelaran'])
  })

  it('keeps "the sign read" without a speaker', () => {
    expect(speakers('The sign read: "Closed for the season."')).toEqual([null])
  })

  it('reads "he" after a quote as the subject of the sentence before it', () => {
    const body =
      'Mr Rudd told the jury his client had said Mr Haines let her treat herself. ‘This was a lonely man,’ he said.'
    expect(speakers(body)).toEqual(['Rudd'])
  })

  it('gives "the Dunmere boss" to the manager named in the paragraph before', () => {
    const body = [
      'Harbridge manager Stevie Kerr sent on Alfie Bram late on.',
      '',
      'Dunmere manager Marco Santos was furious, insisting that Bram had pushed a defender.',
      '',
      '“It’s a foul,” the Dunmere boss said.'
    ].join('\n')
    expect(speakers(body)).toEqual(['Marco Santos'])
  })

  it('matches "Mr Ó Croinin" to the full name with the two-word surname', () => {
    const body =
      'Independent TD Dónal Ó Croinin raised the burglaries.\n\n“People are afraid,” Mr Ó Croinin said.'
    expect(speakers(body)).toEqual(['Dónal Ó Croinin'])
  })

  it('starts a name after its employer’s possessive', () => {
    const body =
      'The Harbour Ledger’s Tomas Quell sees a return to old ideas. “It is a mask,” Quell wrote.'
    expect(speakers(body)).toEqual(['Tomas Quell'])
  })
})

describe('attributeQuotes on unnamed speakers', () => {
  it('names no one for "she said" after an unnamed person speaks, across the paragraph', () => {
    const body = [
      'Matron Hilary Parr said the cuts were an insult.',
      '',
      'One nurse, who asked not to be named, said the ward felt like a wake.',
      '',
      '‘Some of us have been here twenty years,’ she said. ‘We expected the place to last.’'
    ].join('\n')
    expect(attributeQuotes(body).quotes.map((q) => q.speaker)).toEqual([null, null])
  })
})
