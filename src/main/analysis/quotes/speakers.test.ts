import { describe, expect, it } from 'vitest'
import { createSpeakerIndex, findPerson, indexNames, resolvePronoun } from './speakers'
import { readSpeakerPhrase } from './speakers'
import { tokenize } from './tokens'

describe('speakers', () => {
  it('splits a role from a name', () => {
    const phrase = readSpeakerPhrase(tokenize('UK Foreign Secretary Liz Truss'), null)
    expect(phrase).toMatchObject({ kind: 'name', text: 'Liz Truss', role: 'UK Foreign Secretary' })
  })

  it('resolves "Mr Johnson" and "Johnson" to the fullest name', () => {
    const index = createSpeakerIndex()
    indexNames('Boris Johnson arrived. Later Mr Johnson spoke.', index, () => false)
    expect(findPerson(index, 'Mr Johnson', 'male')?.name).toBe('Boris Johnson')
    expect(findPerson(index, 'Johnson', null)?.name).toBe('Boris Johnson')
  })

  it('resolves "she" to the nearest earlier woman, skipping a nearer man', () => {
    const text = 'Mary Stone met Peter Grant. Then she spoke.'
    const index = createSpeakerIndex()
    indexNames(text, index, () => false)
    expect(resolvePronoun(index, 'female', false, text.indexOf('she'))?.name).toBe('Mary Stone')
    expect(resolvePronoun(index, 'male', false, text.indexOf('she'))?.name).toBe('Peter Grant')
  })
})
