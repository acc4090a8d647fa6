package org.xieshang.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Similarity of two Chinese texts in [0, 1]: cosine of their TF-IDF vectors over smartcn words.
 * Single characters, numbers and the boilerplate every proposal uses (建议, 加强, 进一步…) carry
 * no weight, so two proposals score high only when they share the words of their matter; the
 * subject counts double, because a rewritten duplicate keeps its matter's nouns there.
 */
public final class TextSimilarity {

    private static final Analyzer ANALYZER = new SmartChineseAnalyzer();
    private static final double TITLE_WEIGHT = 2.0;

    /** Words of the proposal genre that say nothing about the matter. */
    static final Set<String> GENERIC = Set.of("关于", "建议", "提案", "加强", "进一步", "推进", "推动", "工作", "问题",
            "提高", "完善", "机制", "我区", "全区", "本区", "我县", "全县", "我市", "全市", "群众", "相关", "部门",
            "有关", "实施", "开展", "落实", "方面", "目前", "存在", "情况", "政府", "单位", "建立", "健全", "加大",
            "力度", "提升", "水平", "切实", "积极", "部分", "需要", "进行", "通过", "做好", "主要", "以及", "一些",
            "没有", "不断", "逐步", "有效", "持续", "当前", "近年来", "近年", "其中", "同时", "目标", "措施", "要求",
            "进一步加强", "一是", "二是", "三是", "四是", "五是", "可以", "应当", "已经", "能够", "形成", "实现",
            "较为", "比较", "仍然", "不够", "不足", "突出", "明显", "严重", "影响", "导致", "造成", "反映", "强烈",
            "统筹", "协调", "支持", "鼓励", "引导", "加快", "探索", "研究", "制定", "出台", "政策", "资金", "投入",
            "保障", "服务", "管理", "发展", "建设", "体系", "重要", "作用", "意见", "几点", "思考", "对策");

    private TextSimilarity() {
    }

    /** The words of a text that can tell matters apart. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = ANALYZER.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (w.length() >= 2 && !GENERIC.contains(w) && !w.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                    out.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** TF-IDF weights (sublinear term frequency; the subject's words count double). */
    public static Map<String, Double> vector(String title, String body, ToDoubleFunction<String> idf) {
        Map<String, Double> tf = new HashMap<>();
        for (String w : words(title)) {
            tf.merge(w, TITLE_WEIGHT, Double::sum);
        }
        for (String w : words(body)) {
            tf.merge(w, 1.0, Double::sum);
        }
        Map<String, Double> v = new HashMap<>();
        tf.forEach((w, f) -> v.put(w, (1 + Math.log(f)) * idf.applyAsDouble(w)));
        return v;
    }

    public static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double o = large.get(e.getKey());
            if (o != null) {
                dot += e.getValue() * o;
            }
        }
        double na = norm(a);
        double nb = norm(b);
        return na == 0 || nb == 0 ? 0 : Math.min(1.0, dot / (na * nb));
    }

    /** Inverse document frequency with smoothing, so that a small collection does not exaggerate. */
    public static double idf(long docFreq, long docCount) {
        return Math.log(1 + (docCount + 1.0) / (docFreq + 1.0));
    }

    private static double norm(Map<String, Double> v) {
        double s = 0;
        for (double x : v.values()) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
