import { describe, expect, it, vi } from 'vitest'
import { ApiError, type ApiHandlers } from '@shared/api'
import { createDispatch } from './dispatch'

function handlersWith(overrides: Partial<ApiHandlers>): ApiHandlers {
  return new Proxy(overrides as ApiHandlers, {
    get: (target, name: string) =>
      (target as Record<string, unknown>)[name] ??
      (async () => {
        throw new Error(`unexpected call to ${name}`)
      })
  })
}

describe('createDispatch', () => {
  it('rejects input that does not match the contract, before any handler runs', async () => {
    const create = vi.fn()
    const dispatch = createDispatch(handlersWith({ 'quotes.create': create }))
    const result = await dispatch('quotes.create', { clippingId: 'c1', start: -1, end: 'x' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INVALID_INPUT')
    expect(result.error.message).toContain('start')
    expect(result.error.message).toContain('end')
    expect(create).not.toHaveBeenCalled()
  })

  it('fills defaults and passes the parsed input on', async () => {
    const list = vi.fn(async () => ({ items: [], total: 0 }))
    const dispatch = createDispatch(handlersWith({ 'clippings.list': list }))
    expect(await dispatch('clippings.list', {})).toEqual({
      ok: true,
      value: { items: [], total: 0 }
    })
    expect(list).toHaveBeenCalledWith({
      query: '',
      tag: null,
      sourceId: null,
      offset: 0,
      limit: 200
    })
  })

  it('answers NOT_FOUND for an unknown command', async () => {
    const result = await createDispatch(handlersWith({}))('clippings.explode', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no command “clippings.explode”.' }
    })
  })

  it('passes typed errors through and turns disk errors into STORAGE', async () => {
    const dispatch = createDispatch(
      handlersWith({
        'clippings.get': async () => {
          throw new ApiError('NOT_FOUND', 'That clipping is no longer in the library.')
        },
        'sources.list': async () => {
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        }
      })
    )
    expect(await dispatch('clippings.get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That clipping is no longer in the library.' }
    })
    const full = await dispatch('sources.list', {})
    expect(full.ok === false && full.error.code).toBe('STORAGE')
  })

  it('reports unexpected errors as INTERNAL with the cause', async () => {
    const onUnexpectedError = vi.fn()
    const dispatch = createDispatch(
      handlersWith({
        'tags.list': async () => {
          throw new TypeError('boom')
        }
      }),
      { onUnexpectedError }
    )
    const result = await dispatch('tags.list', {})
    expect(result.ok === false && result.error).toEqual({
      code: 'INTERNAL',
      message: 'Clipdesk hit an unexpected error: boom'
    })
    expect(onUnexpectedError).toHaveBeenCalledOnce()
  })
})
