// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { MAX_TOASTS, useNoticesStore } from './notices'

vi.mock('@renderer/api', async () => {
  const shared = await import('@shared/api')
  return { ApiError: shared.ApiError }
})

describe('useNoticesStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.useFakeTimers()
  })

  it('shows at most a few toasts, dropping plain confirmations before undo offers and errors', () => {
    const notices = useNoticesStore()
    const undo = async (): Promise<void> => undefined
    notices.info('Added quote one.', { undo })
    notices.info('Saved the clipping.')
    notices.error(new Error('disk full'))
    notices.info('Tagged a quote.')
    expect(notices.toasts).toHaveLength(MAX_TOASTS)
    expect(notices.toasts.map((t) => t.message)).toEqual([
      'Added quote one.',
      'Something went wrong: disk full',
      'Tagged a quote.'
    ])
    notices.info('Added quote two.', { undo })
    expect(notices.toasts.map((t) => t.message)).toEqual([
      'Added quote one.',
      'Something went wrong: disk full',
      'Added quote two.'
    ])
    // With only undo offers and errors left, the oldest goes.
    notices.info('Added quote three.', { undo })
    expect(notices.toasts.map((t) => t.message)).toEqual([
      'Something went wrong: disk full',
      'Added quote two.',
      'Added quote three.'
    ])
  })

  it('still closes each toast after its time', () => {
    const notices = useNoticesStore()
    notices.info('Saved the clipping.')
    notices.info('Added quote.', { undo: async () => undefined })
    vi.advanceTimersByTime(4_000)
    expect(notices.toasts.map((t) => t.message)).toEqual(['Added quote.'])
    vi.advanceTimersByTime(6_000)
    expect(notices.toasts).toEqual([])
  })
})
