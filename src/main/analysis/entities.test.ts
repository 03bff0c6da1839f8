import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findEntities } from './entities'

const trussKyiv = readFileSync(join(__dirname, 'fixtures/truss-kyiv.txt'), 'utf8')

describe('findEntities', () => {
  it('finds the people with roles and aliases, the organisations and the places', () => {
    expect(findEntities(trussKyiv)).toEqual({
      people: [
        { name: 'Liz Truss', aliases: ['Ms Truss', 'Truss'], role: 'UK Foreign Secretary' },
        { name: 'Volodymyr Zelensky', aliases: [], role: 'Ukraine’s President' },
        { name: 'Boris Johnson', aliases: ['Mr Johnson'], role: 'Prime Minister' },
        { name: 'Dmitry Peskov', aliases: [], role: 'Kremlin spokesman' },
        { name: 'Jens Stoltenberg', aliases: [], role: 'Nato Secretary General' }
      ],
      organisations: [
        { name: 'Kremlin', aliases: [] },
        { name: 'The Times', aliases: [] },
        { name: 'Ministry of Defence', aliases: ['MoD'] },
        { name: 'Nato', aliases: [] }
      ],
      places: [
        { name: 'Moscow' },
        { name: 'UK' },
        { name: 'Britain' },
        { name: 'Russia' },
        { name: 'Ukraine' },
        { name: 'Kyiv' }
      ]
    })
  })

  it('joins "Mr Johnson" and "Johnson" to the right person when two share a surname', () => {
    const body =
      'Boris Johnson met Carrie Johnson in London. Mrs Johnson said little. Later Mr Johnson spoke.'
    expect(findEntities(body).people).toEqual([
      { name: 'Boris Johnson', aliases: ['Mr Johnson'], role: null },
      { name: 'Carrie Johnson', aliases: ['Mrs Johnson'], role: null }
    ])
  })

  it('reads a role from an apposition and keeps "Sir" as part of a British name', () => {
    const body =
      'Sir Keir Starmer, the Labour leader, said the plan had failed. Keir Starmer later repeated it.'
    expect(findEntities(body).people).toEqual([
      { name: 'Sir Keir Starmer', aliases: ['Keir Starmer'], role: 'Labour leader' }
    ])
  })

  it('merges the speakers the quotes stage found so that names agree', () => {
    const body = 'Mr Peskov said the talks were over. The Kremlin did not comment further.'
    const { people } = findEntities(body, {
      people: [{ name: 'Dmitry Peskov', aliases: ['Mr Peskov'], role: 'Kremlin spokesman' }]
    })
    expect(people).toEqual([
      { name: 'Dmitry Peskov', aliases: ['Mr Peskov', 'Peskov'], role: 'Kremlin spokesman' }
    ])
  })

  it('takes the name after "an analyst at" for an employer, not a person', () => {
    const entities = findEntities(
      'Tom Bradley, a shipping analyst at Harwell Brandt, said costs would rise. Ann Lee, a professor of law at Corran Vale, agreed.'
    )
    expect(entities.people.map((p) => p.name)).toEqual(['Tom Bradley', 'Ann Lee'])
    expect(entities.organisations.map((o) => o.name)).toEqual(['Harwell Brandt', 'Corran Vale'])
  })

  it('does not take sentence openers, months or nationalities for names', () => {
    const body =
      'However, Russian officials met on Monday. Speaking in March, Ukrainian troops said nothing.'
    expect(findEntities(body)).toEqual({ people: [], organisations: [], places: [] })
  })

  it('merges an acronym with its full name and two spellings of one organisation', () => {
    const body =
      'The United Nations said aid was blocked. The UN envoy said so too. NATO and Nato met.'
    expect(findEntities(body).organisations).toEqual([
      { name: 'United Nations', aliases: ['UN'] },
      { name: 'Nato', aliases: ['NATO'] }
    ])
  })

  it('never lists a role’s tail, a plural noun or a lone title as a person', () => {
    const body =
      'The Labour MP for Brantmoor West, Alice Fenwick, said the vote was lost. The Secretary ' +
      'of State for Education, Mark Oyelaran, said nothing. Protesters said the plan was rushed. ' +
      '‘Order,’ said the Speaker. Mr Speaker then closed the sitting.'
    expect(findEntities(body).people).toEqual([
      { name: 'Alice Fenwick', aliases: [], role: 'Labour MP for Brantmoor West' },
      { name: 'Mark Oyelaran', aliases: [], role: 'Secretary of State for Education' }
    ])
  })

  it('lists a place after "from" or "near" and a name like "Corrie Hill" as a place', () => {
    const body =
      'Joan Rennick, a teacher from Ostlington, said the school would close. A farmer near ' +
      'Corrie Hill said the same, and fishermen in the Ardnish Firth said so too. Ben Harlow ' +
      'resigned on Friday. Supporters of Harlow said he had been treated unfairly.'
    const entities = findEntities(body)
    expect(entities.people).toEqual([
      { name: 'Joan Rennick', aliases: [], role: 'teacher from Ostlington' },
      { name: 'Ben Harlow', aliases: ['Harlow'], role: null }
    ])
    expect(entities.places.map((place) => place.name)).toEqual([
      'Ostlington',
      'Corrie Hill',
      'Ardnish Firth'
    ])
  })

  it('does not take the role line under a byline for a person', () => {
    const body =
      'Priya Dhar\nScience Editor\n\nTeachers in Kelso voted to strike, Ruth Baines said.'
    expect(findEntities(body).people.map((person) => person.name)).toEqual([
      'Priya Dhar',
      'Ruth Baines'
    ])
  })

  it('takes "Sir" and a first name for the person with that first name', () => {
    const body =
      'Sir Malcolm Fenner, the committee chair, said the report was late. Sir Malcolm said ' +
      'it would be published in May.'
    expect(findEntities(body).people).toEqual([
      { name: 'Sir Malcolm Fenner', aliases: ['Sir Malcolm'], role: 'committee chair' }
    ])
  })

  it('keeps a wife and husband apart when the quotes stage gave one speaker for both', () => {
    const body =
      'Skipper Torquil Baird has fished from Ullapool for forty years. “It is over,” Mr Baird ' +
      'said. His wife, Morven Baird, ran the harbour shop. “We cried,” said Mrs Baird.'
    const { people } = findEntities(body, {
      people: [{ name: 'Baird', aliases: ['Mr Baird', 'Mrs Baird'], role: null }]
    })
    expect(people).toEqual([
      { name: 'Torquil Baird', aliases: ['Mr Baird'], role: 'Skipper' },
      { name: 'Morven Baird', aliases: ['Mrs Baird'], role: 'wife' }
    ])
  })

  it('keeps a father and son apart when a speaker’s alias fits both', () => {
    const body =
      'The mill is run by Owen Garside and his son Rhys Garside. Owen Garside said he was ' +
      'sad. Rhys Garside said the bills had tripled. Mr Garside said it was time.'
    const { people } = findEntities(body, {
      people: [
        { name: 'Owen Garside', aliases: ['Mr Garside'], role: null },
        { name: 'Rhys Garside', aliases: [], role: null }
      ]
    })
    expect(people.map((person) => person.name)).toEqual(['Owen Garside', 'Rhys Garside'])
  })

  it('gives a person the role of the first mention, not a later speaker’s', () => {
    const body =
      'Dr Lena Okoro, a marine biologist at Fenwick University, said the reef was dying. ' +
      '“It is heartbreaking,” Dr Okoro said.'
    const { people } = findEntities(body, {
      people: [{ name: 'Okoro', aliases: ['Dr Okoro'], role: 'said the reef' }]
    })
    expect(people).toEqual([
      {
        name: 'Lena Okoro',
        aliases: ['Dr Lena Okoro', 'Dr Okoro', 'Okoro'],
        role: 'marine biologist at Fenwick University'
      }
    ])
  })

  it('reads a role set off before the name and one given by "who chairs"', () => {
    const body =
      'The shadow transport secretary, Nadia Kerr, said fares would rise. Colin Avery, who ' +
      'chairs the rail users’ forum, said they already had.'
    expect(findEntities(body).people).toEqual([
      { name: 'Nadia Kerr', aliases: [], role: 'shadow transport secretary' },
      { name: 'Colin Avery', aliases: [], role: 'chairs the rail users’ forum' }
    ])
  })

  it('takes a title written before a speaker’s name for the role, not the name', () => {
    const body = 'Taoiseach Eamon Keane said the talks would resume.'
    const { people } = findEntities(body, {
      people: [{ name: 'Taoiseach Eamon Keane', aliases: [], role: null }]
    })
    expect(people).toEqual([
      { name: 'Eamon Keane', aliases: ['Taoiseach Eamon Keane'], role: 'Taoiseach' }
    ])
  })

  it('reads a job or an age before a name at the start of a sentence as a role', () => {
    const body = [
      'Manager Stevie Kerr admitted he had said harsh things.',
      'Seventeen-year-old Alfie Bramall came off the bench.',
      'Vet Sunita Lakhani said the tortoise was fine.',
      'County Supervisor Ray Dellow said it was a big change.'
    ].join('\n\n')
    const people = findEntities(body).people.map((p) => [p.name, p.role])
    expect(people).toEqual([
      ['Stevie Kerr', 'Manager'],
      ['Alfie Bramall', 'Seventeen-year-old'],
      ['Sunita Lakhani', 'Vet'],
      ['Ray Dellow', 'County Supervisor']
    ])
  })
})
