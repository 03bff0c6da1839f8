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
})
