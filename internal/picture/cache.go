package picture

import (
	"sync"
)

// The render cache keeps prepared photos for the life of the process, so
// "build --watch" and batch builds prepare each photo once. It holds at most
// cacheLimit bytes and starts afresh when full.
const cacheLimit = 256 << 20

type cacheKey struct {
	sum        [32]byte
	maxW, maxH int
}

type rendered struct {
	data   []byte
	format string
}

type renderCache struct {
	mu    sync.Mutex
	m     map[cacheKey]rendered
	bytes int
}

var cache renderCache

func (c *renderCache) get(k cacheKey) (rendered, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[k]
	return r, ok
}

func (c *renderCache) put(k cacheKey, r rendered) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || c.bytes+len(r.data) > cacheLimit {
		c.m, c.bytes = map[cacheKey]rendered{}, 0
	}
	if len(r.data) <= cacheLimit {
		c.m[k] = r
		c.bytes += len(r.data)
	}
}

// ResetCache empties the render cache (for benchmarks).
func ResetCache() {
	cache.mu.Lock()
	cache.m, cache.bytes = nil, 0
	cache.mu.Unlock()
}
