package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"jianbao/internal/build"
)

// WatchInterval is how often Watch looks at the inputs' modification times.
const WatchInterval = 300 * time.Millisecond

// Watch builds the manifest, then rebuilds it whenever the manifest, an
// article, a photo or a layout file changes, until ctx ends. Each rebuild
// prints one line on stdout, "15:04:05 …", with its time or its number of
// problems; the problems themselves go to stderr, one line each. A failed
// rebuild leaves the last good PDF in place.
func Watch(ctx context.Context, manifest string, opt BuildOptions, interval time.Duration, stdout, stderr io.Writer) int {
	if interval <= 0 {
		interval = WatchInterval
	}
	fmt.Fprintf(stdout, "监视 %s 及其文章、图片和版式的改动；按 Ctrl+C 结束\n", manifest)
	// The list of inputs comes from reading the manifest and every article;
	// it can only change when one of them changes, which triggers a build,
	// so it is read again after each build and not on every poll.
	inputs := build.Inputs(manifest)
	var last string
	for {
		stamp := fingerprint(inputs)
		if stamp != last && last != "" {
			// let a save finish: wait until the files stay the same for
			// one interval (editors often write a file in several steps)
			for {
				select {
				case <-ctx.Done():
					return ExitOK
				case <-time.After(interval):
				}
				again := fingerprint(inputs)
				if again == stamp {
					break
				}
				stamp = again
			}
		}
		if stamp != last {
			var out, errs strings.Builder
			code := buildOne(manifest, opt, &out, &errs)
			now := time.Now().Format("15:04:05")
			if code == ExitOK {
				fmt.Fprintf(stdout, "%s %s", now, out.String())
			} else if strings.Contains(errs.String(), heldOpen) {
				// a PDF reader holds the output (Windows): the last good
				// PDF stays; the next change tries again
				fmt.Fprintf(stdout, "%s %s: PDF 未更新（输出文件正被其他程序打开）；关闭阅读器后，下次改动时重新生成\n", now, manifest)
				io.WriteString(stderr, errs.String())
			} else {
				n := strings.Count(errs.String(), "\n") - 1
				fmt.Fprintf(stdout, "%s %s: %d 处问题，PDF 未更新\n", now, manifest, max(n, 1))
				io.WriteString(stderr, errs.String())
			}
			// the build may have changed the list of inputs (a new photo)
			inputs = build.Inputs(manifest)
			last = fingerprint(inputs)
			if last != stamp {
				continue // an input changed while building: build again
			}
		}
		select {
		case <-ctx.Done():
			return ExitOK
		case <-time.After(interval):
		}
	}
}

// fingerprint is the names, sizes and modification times of files; a
// missing file is recorded as missing, so its appearance is a change.
func fingerprint(files []string) string {
	var b strings.Builder
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			fmt.Fprintf(&b, "%s -\n", f)
			continue
		}
		fmt.Fprintf(&b, "%s %d %d\n", f, st.Size(), st.ModTime().UnixNano())
	}
	return b.String()
}
