using TrustBridge.Core.Text;

namespace TrustBridge.Core.Tests.Text;

public class PinyinOrderTests
{
    [Fact]
    public void Names_sort_by_their_pinyin_reading_not_by_code_point()
    {
        string[] names = ["张伟", "李娜", "王芳", "陈静", "赵敏", "安然", "欧阳明", "白雪", "刘洋", "周杰"];
        names.OrderByPinyin(n => n).ShouldBe(["安然", "白雪", "陈静", "李娜", "刘洋", "欧阳明", "王芳", "张伟", "赵敏", "周杰"]);
        // Code-point order would put 张 (U+5F20) before 李 (U+674E) and 王 (U+738B).
        string.CompareOrdinal("张", "李").ShouldBeLessThan(0);
    }
}
