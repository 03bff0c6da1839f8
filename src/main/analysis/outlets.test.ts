import { describe, expect, it } from 'vitest'
import { agencyOutlet, knownOutletForHost, outletForHost } from './outlets'

describe('outletForHost', () => {
  it('names well-known outlets from any of their hosts', () => {
    expect(outletForHost('metro.co.uk')).toBe('Metro')
    expect(outletForHost('www.theguardian.com')).toBe('The Guardian')
    expect(outletForHost('news.sky.com')).toBe('Sky News')
    expect(knownOutletForHost('feeds.bbc.co.uk')).toBe('BBC News')
  })

  it('falls back to the host’s own name, capitalised', () => {
    expect(outletForHost('www.northern-echo-news.co.uk')).toBe('Northern Echo News')
    expect(outletForHost('example.org')).toBe('Example')
  })

  it('never names webmail, government or numeric hosts as outlets', () => {
    expect(outletForHost('gmail.com')).toBeNull()
    expect(outletForHost('cabinetoffice.gov.uk')).toBeNull()
    expect(outletForHost('127.0.0.1')).toBeNull()
  })
})

describe('agencyOutlet', () => {
  it('names a news agency from its dateline code, in any case, and nothing else', () => {
    expect(agencyOutlet('Reuters')).toBe('Reuters')
    expect(agencyOutlet('AP')).toBe('Associated Press')
    expect(agencyOutlet('PA')).toBe('PA Media')
    expect(agencyOutlet('DPA')).toBe('dpa')
    expect(agencyOutlet('Harrowfield')).toBeNull()
  })
})
