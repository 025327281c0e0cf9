package layout

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"jianbao/internal/diag"
)

// CMYK is a colour in percent, [c, m, y, k]. A layout may write it as
// such a list or as an RGB colour, "#C00000", "#c00" or "rgb(192, 0, 0)",
// which is converted (see rgbToCMYK) and noted.
type CMYK []int

// UnmarshalYAML reads a CMYK list or converts an RGB colour.
func (c *CMYK) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		v, err := parseRGB(n.Value)
		if err != nil {
			return fmt.Errorf("line %d: %v", n.Line, err)
		}
		*c = v
		return nil
	}
	var l []int
	if err := n.Decode(&l); err != nil {
		return err
	}
	*c = l
	return nil
}

// parseRGB reads "#RRGGBB", "#RGB" or "rgb(r, g, b)" (0–255 each) and
// returns the colour in CMYK.
func parseRGB(s string) (CMYK, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("颜色 %q 无法识别，应写成 CMYK 百分数 [c, m, y, k]，或 #C00000、#c00、rgb(192, 0, 0)", s)
	var rgb [3]int
	switch low := strings.ToLower(s); {
	case strings.HasPrefix(low, "#"):
		h := low[1:]
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) != 6 {
			return nil, bad
		}
		for i := range rgb {
			v, err := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
			if err != nil {
				return nil, bad
			}
			rgb[i] = int(v)
		}
	case strings.HasPrefix(low, "rgb(") && strings.HasSuffix(low, ")"):
		parts := strings.FieldsFunc(low[4:len(low)-1], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		if len(parts) != 3 {
			return nil, bad
		}
		for i, p := range parts {
			v, err := strconv.Atoi(p)
			if err != nil || v < 0 || v > 255 {
				return nil, bad
			}
			rgb[i] = v
		}
	default:
		return nil, bad
	}
	return rgbToCMYK(rgb[0], rgb[1], rgb[2]), nil
}

// rgbToCMYK is the naive conversion, without a colour profile: k = 1 −
// max(r, g, b), then c = (1 − r − k) / (1 − k) and so on, in whole
// percent. #FF0000 is [0, 100, 100, 0]; #C00000 [0, 100, 100, 25]; black
// is pure K.
func rgbToCMYK(r, g, b int) CMYK {
	rf, gf, bf := float64(r)/255, float64(g)/255, float64(b)/255
	k := 1 - max(rf, gf, bf)
	pc := func(v float64) int { return int(math.Round(v * 100)) }
	if k >= 1 {
		return CMYK{0, 0, 0, 100}
	}
	return CMYK{pc((1 - rf - k) / (1 - k)), pc((1 - gf - k) / (1 - k)), pc((1 - bf - k) / (1 - k)), pc(k)}
}

// noteColors notes each colour written in RGB, with the CMYK it became.
func (s *Spec) noteColors() {
	m := lookup(s.root, "colors")
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		name, v := m.Content[i].Value, m.Content[i+1]
		c, ok := s.Colors[name]
		if v.Kind != yaml.ScalarNode || !ok || len(c) != 4 {
			continue
		}
		s.Notes = append(s.Notes, &diag.Error{
			Pos:  s.nodePos(v),
			Msg:  fmt.Sprintf("颜色 %s 写作 %s，已换算为 CMYK [%d, %d, %d, %d]", name, strings.TrimSpace(v.Value), c[0], c[1], c[2], c[3]),
			Hint: "这是不经色彩配置文件的简单换算，印出的颜色可能与屏幕不同；要指定油墨比例，请直接写 [c, m, y, k]",
		})
	}
}
