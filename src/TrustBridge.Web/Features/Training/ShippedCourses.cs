using Microsoft.EntityFrameworkCore;
using TrustBridge.Web.Data;
using TrustBridge.Web.Domain;

namespace TrustBridge.Web.Features.Training;

/// <summary>The communication frameworks shipped as course templates (沟通技巧培训: 倾听, 共情, 非语言沟通).</summary>
public static class ShippedCourses
{
    public static readonly (string Code, string Title, string Framework, string[] Outline)[] All =
    [
        ("calgary-cambridge", "Calgary–Cambridge 医患沟通指南", "calgary-cambridge",
            ["开始会谈（建立关系、明确就诊原因）", "采集信息（患者视角与生物医学视角）", "为会谈提供结构（总结、过渡）", "建立关系（非语言沟通、共情、让患者参与）",
             "解释与计划（适量信息、帮助理解、共同决策）", "结束会谈（小结、安全网、下一步）"]),
        ("segue", "SEGUE 沟通评价框架（25 项任务）", "segue",
            ["S1 恰当地问候患者", "S2 说明本次就诊的目的", "S3 介绍就诊的流程", "S4 建立个人联系（寒暄）", "S5 保护患者隐私",
             "E1 引出患者对健康问题的看法", "E2 询问生理/心理因素", "E3 讨论既往治疗", "E4 讨论疾病对生活的影响", "E5 讨论生活方式/预防",
             "E6 避免诱导性/指令性提问", "E7 给患者说话的机会（不打断）", "E8 倾听（全神贯注、复述）", "E9 核实/澄清信息",
             "G1 解释诊断性操作的理由", "G2 让患者了解自己的身体状况", "G3 鼓励患者提问/核实理解", "G4 根据患者的理解水平调整用语",
             "U1 了解患者对问题的感受（共情）", "U2 认可患者的努力/成绩/挑战", "U3 对患者表示关心、体贴", "U4 保持尊重的语气",
             "E10 询问患者是否还有其他问题", "E11 讨论下一步（含随访）", "E12 与患者共同商定治疗计划"]),
        ("aidet", "AIDET 五步沟通法", "aidet", ["A 问候（Acknowledge）", "I 介绍（Introduce）", "D 时长（Duration）", "E 解释（Explanation）", "T 致谢（Thank you）"]),
        ("cicare", "CICARE 沟通模式", "cicare", ["C 接触（Connect）", "I 介绍（Introduce）", "C 沟通（Communicate）", "A 询问（Ask）", "R 回应（Respond）", "E 离开（Exit）"]),
    ];

    public static readonly string[] Frameworks = ["calgary-cambridge", "segue", "aidet", "cicare", "custom"];

    /// <summary>Adds the shipped courses that are missing (idempotent; the hospital may edit its own courses, never these codes).</summary>
    public static async Task EnsureAsync(TrustDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        var have = await db.TrainingCourses.Select(c => c.Code).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var added = All.Where(c => !have.Contains(c.Code))
            .Select(c => db.TrainingCourses.Add(new TrainingCourse { Code = c.Code, Title = c.Title, Framework = c.Framework, Outline = string.Join("\n", c.Outline), Shipped = true, CreatedAt = now }))
            .ToList();
        if (added.Count == 0) return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first visits at once (two staff, or two nodes) both found the templates missing: the other one
            // stored them (unique code), so forget ours and go on — the templates are there either way.
            foreach (var entry in added) entry.State = EntityState.Detached;
            if (await db.TrainingCourses.CountAsync(c => c.Shipped, ct) < All.Length) throw;
        }
    }
}
